using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// Turns NJsonSchema's error tree into diagnostics a person can act on: wrappers
/// (pattern properties, list items) are looked through, <c>oneOf</c>/<c>anyOf</c> alternatives are
/// narrowed to the one matching the value's type, and each remaining error is worded with its
/// path, what was expected and what was found, on the span of the YAML that causes it.
/// </summary>
internal sealed class SchemaErrorTranslator
{
    private static readonly (JsonObjectType Type, string Name)[] s_typeNames =
    [
        (JsonObjectType.String, "a string"),
        (JsonObjectType.Number, "a number"),
        (JsonObjectType.Integer, "an integer"),
        (JsonObjectType.Boolean, "a boolean"),
        (JsonObjectType.Object, "a mapping"),
        (JsonObjectType.Array, "a list"),
        (JsonObjectType.Null, "null"),
    ];

    private static readonly Dictionary<string, string> s_resourceKinds = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["networks"] = "network",
        ["volumes"] = "volume",
        ["secrets"] = "secret",
        ["configs"] = "config",
        ["models"] = "model",
    };

    private const string TopLevel = "the top level";

    private readonly ComposeJsonDocument _document;

    public SchemaErrorTranslator(ComposeJsonDocument document)
    {
        _document = document;
    }

    /// <summary>One error left after flattening; <see cref="Expected"/> is set for a type mismatch.</summary>
    private sealed record Problem(ValidationError Error, JToken? Token, IReadOnlyList<string>? Expected = null);

    /// <summary>Translates the validator's errors, one diagnostic per distinct problem, sorted by position.</summary>
    public ImmutableArray<Diagnostic> Translate(IEnumerable<ValidationError> errors)
    {
        var problems = new List<Problem>();
        foreach (var error in errors)
        {
            Flatten(error, problems);
        }

        var seen = new HashSet<(string, TextSpan, string)>();
        var diagnostics = new List<Diagnostic>();
        foreach (var problem in problems)
        {
            var (descriptor, node, span, key, message) = Describe(problem);

            // A node reached through several aliases is validated once per use; report it once.
            if (seen.Add((descriptor.Id, span, key)))
            {
                diagnostics.Add(Diagnostic.Create(descriptor, node.Source.GetLocation(span), message));
            }
        }

        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.End)];
    }

    // ---- flattening -------------------------------------------------------------------------

    private static void Flatten(ValidationError error, List<Problem> output)
    {
        switch (error)
        {
            case MultiTypeValidationError multi:
                var accepted = multi.Errors.Where(e => Accepts(e.Key, error.Token)).ToList();
                if (accepted.Count > 0 && accepted.Any(e => e.Value.Count > 0))
                {
                    foreach (var child in accepted.First(e => e.Value.Count > 0).Value)
                    {
                        Flatten(child, output);
                    }
                }
                else
                {
                    output.Add(new Problem(error, error.Token, TypeNames(error.Schema?.Type ?? JsonObjectType.None)));
                }

                break;
            case ChildSchemaValidationError alternatives when error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf:
                FlattenAlternatives(alternatives, output);
                break;
            case ChildSchemaValidationError wrapper:
                var before = output.Count;
                foreach (var child in wrapper.Errors.Values.SelectMany(e => e))
                {
                    Flatten(child, output);
                }

                if (output.Count == before)
                {
                    output.Add(new Problem(error, error.Token));
                }

                break;
            default:
                var expected = ExpectedOf(error.Kind);
                output.Add(expected == JsonObjectType.None
                    ? new Problem(error, error.Token)
                    : new Problem(error, error.Token, TypeNames(expected)));
                break;
        }
    }

    private static void FlattenAlternatives(ChildSchemaValidationError error, List<Problem> output)
    {
        var branches = error.Errors.ToList();
        if (branches.Count == 0 || branches.Any(b => b.Value.Count == 0))
        {
            // A oneOf fails with a branch that has no error when more than one branch matches.
            output.Add(new Problem(error, error.Token));
            return;
        }

        var candidates = branches.Where(b => Accepts(b.Key, error.Token)).ToList();
        if (candidates.Count == 0)
        {
            var names = new List<string>();
            foreach (var name in branches.SelectMany(b => TypeNames(AllowedTypes(b.Key))))
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }

            output.Add(new Problem(error, error.Token, names));
            return;
        }

        // Several alternatives accept the type (rare in the Compose schema): the one with the fewest
        // problems explains the value best.
        List<Problem>? best = null;
        foreach (var candidate in candidates)
        {
            var problems = new List<Problem>();
            foreach (var child in candidate.Value)
            {
                Flatten(child, problems);
            }

            if (best is null || problems.Count < best.Count)
            {
                best = problems;
            }
        }

        output.AddRange(best!);
    }

    /// <summary>True when a schema allows the JSON type of the token (its other constraints aside).</summary>
    private static bool Accepts(JsonSchema schema, JToken? token) => Accepts(AllowedTypes(schema), token);

    private static bool Accepts(JsonObjectType allowed, JToken? token)
    {
        if (allowed == JsonObjectType.None || token is null)
        {
            return true;
        }

        return token.Type switch
        {
            JTokenType.Object => allowed.HasFlag(JsonObjectType.Object),
            JTokenType.Array => allowed.HasFlag(JsonObjectType.Array),
            JTokenType.String => allowed.HasFlag(JsonObjectType.String),
            JTokenType.Integer => allowed.HasFlag(JsonObjectType.Integer) || allowed.HasFlag(JsonObjectType.Number),
            JTokenType.Float => allowed.HasFlag(JsonObjectType.Number),
            JTokenType.Boolean => allowed.HasFlag(JsonObjectType.Boolean),
            JTokenType.Null => allowed.HasFlag(JsonObjectType.Null),
            _ => true,
        };
    }

    /// <summary>The JSON types a schema allows; <see cref="JsonObjectType.None"/> when it does not restrict the type.</summary>
    private static JsonObjectType AllowedTypes(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        if (actual.Type != JsonObjectType.None)
        {
            return actual.Type;
        }

        var alternatives = actual.OneOf.Count > 0 ? actual.OneOf : actual.AnyOf;
        var types = JsonObjectType.None;
        foreach (var alternative in alternatives)
        {
            var allowed = AllowedTypes(alternative);
            if (allowed == JsonObjectType.None)
            {
                return JsonObjectType.None;
            }

            types |= allowed;
        }

        return types;
    }

    private static JsonObjectType ExpectedOf(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => JsonObjectType.String,
        ValidationErrorKind.NumberExpected => JsonObjectType.Number,
        ValidationErrorKind.IntegerExpected => JsonObjectType.Integer,
        ValidationErrorKind.BooleanExpected => JsonObjectType.Boolean,
        ValidationErrorKind.ObjectExpected => JsonObjectType.Object,
        ValidationErrorKind.ArrayExpected => JsonObjectType.Array,
        ValidationErrorKind.NullExpected => JsonObjectType.Null,
        _ => JsonObjectType.None,
    };

    private static List<string> TypeNames(JsonObjectType types)
    {
        var names = new List<string>();
        foreach (var (type, name) in s_typeNames)
        {
            if (types.HasFlag(type) && !(type == JsonObjectType.Integer && types.HasFlag(JsonObjectType.Number)))
            {
                names.Add(name);
            }
        }

        return names;
    }

    // ---- wording ----------------------------------------------------------------------------

    private (DiagnosticDescriptor Descriptor, YamlNode Node, TextSpan Span, string Key, string Message) Describe(Problem problem)
    {
        var error = problem.Error;
        var origin = _document.OriginOf(problem.Token) ?? new JsonOrigin(_document.YamlRoot, null);
        var where = Where(problem.Token);
        if (problem.Expected is { } expected)
        {
            var detail = $"expected {JoinOr(expected)}, found {Found(origin.Node, problem.Token)}";
            var (node, span) = ValueAnchor(origin);
            return (ComposeDiagnostics.SchemaViolation, node, span, detail, Sentence(where, detail));
        }

        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                return UnknownKey(problem, origin);
            case ValidationErrorKind.PropertyRequired:
                {
                    var (node, span) = MappingAnchor(origin);
                    var detail = $"missing required key '{error.Property}'";
                    return (ComposeDiagnostics.SchemaViolation, node, span, detail, Sentence(where, detail));
                }

            case ValidationErrorKind.ItemsNotUnique when problem.Token is JArray array && FirstDuplicate(array) is { } duplicate:
                {
                    var itemOrigin = _document.OriginOf(duplicate) ?? origin;
                    var detail = $"{Found(itemOrigin.Node, duplicate)} is listed more than once; the items must be unique";
                    return (ComposeDiagnostics.SchemaViolation, itemOrigin.Node, itemOrigin.Node.Span, detail, Sentence(where, detail));
                }

            default:
                {
                    var detail = Detail(error, origin.Node, problem.Token);
                    var (node, span) = ValueAnchor(origin);
                    return (ComposeDiagnostics.SchemaViolation, node, span, detail, Sentence(where, detail));
                }
        }
    }

    private (DiagnosticDescriptor, YamlNode, TextSpan, string, string) UnknownKey(Problem problem, JsonOrigin origin)
    {
        var error = problem.Error;
        var property = problem.Token as JProperty;
        var name = property?.Name ?? error.Property ?? "?";
        var keyNode = (YamlNode?)origin.Key ?? origin.Node;
        var schema = error.Schema?.ActualSchema;
        var parent = property?.Parent as JObject;
        var known = schema?.ActualProperties.Keys.ToList() ?? [];

        if (known.Count == 0 && schema is { PatternProperties.Count: > 0 })
        {
            var patterns = string.Join(" or ", schema.PatternProperties.Keys.Where(p => p != "^x-"));
            var detail = $"'{name}' is not a valid name in {Where(parent)}; names must match {patterns}";
            return (ComposeDiagnostics.SchemaViolation, keyNode, keyNode.Span, detail, detail);
        }

        string message;
        if (parent is not null && parent.Parent is null)
        {
            message = $"Unknown top-level key '{name}'";
            if (LooksLikeVersion1Service(parent, property!))
            {
                message += "; services belong under 'services:' (this looks like a version 1 Compose file, which docker compose no longer reads)";
                return (ComposeDiagnostics.UnknownKey, keyNode, keyNode.Span, name, message);
            }
        }
        else
        {
            message = $"Unknown key '{name}' {Context(parent)}";
        }

        if (KeySuggestions.Closest(name, known) is { } suggestion)
        {
            message += $"; did you mean '{suggestion}'?";
        }

        return (ComposeDiagnostics.UnknownKey, keyNode, keyNode.Span, name, message);
    }

    private static bool LooksLikeVersion1Service(JObject root, JProperty property)
        => root.Property("services") is null
            && property.Value is JObject service
            && (service.ContainsKey("image") || service.ContainsKey("build"));

    /// <summary>"in service 'web'" for a service's own keys, otherwise "in 'services.web.build'".</summary>
    private static string Context(JObject? mapping)
    {
        if (mapping?.Parent is JProperty { Parent: JObject { Parent: JProperty { Parent: JObject { Parent: null } } section } } resource
            && s_resourceKinds.TryGetValue(section.Name, out var kind))
        {
            return $"in {kind} '{resource.Name}'";
        }

        return $"in '{Where(mapping)}'";
    }

    /// <summary>Where an error about a value goes: the value, or its key when nothing is written (<c>key:</c> alone).</summary>
    private static (YamlNode Node, TextSpan Span) ValueAnchor(JsonOrigin origin)
        => origin is { Node.Span.IsEmpty: true, Key: { } key } ? (key, key.Span) : (origin.Node, origin.Node.Span);

    /// <summary>Where a missing-key error goes: the key of the mapping, else its first key, else the mapping.</summary>
    private static (YamlNode Node, TextSpan Span) MappingAnchor(JsonOrigin origin)
    {
        if (origin.Key is { } key)
        {
            return (key, key.Span);
        }

        if (origin.Node is YamlMapping { Entries.Length: > 0 } mapping)
        {
            var first = mapping.Entries.MinBy(e => e.Key.Span.Start)!.Key;
            return (first, first.Span);
        }

        return (origin.Node, origin.Node.Span);
    }

    private static JToken? FirstDuplicate(JArray array)
    {
        for (var i = 1; i < array.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JToken.DeepEquals(array[i], array[j]))
                {
                    return array[i];
                }
            }
        }

        return null;
    }

    private static string Detail(ValidationError error, YamlNode node, JToken? token)
    {
        var schema = error.Schema;
        var found = Found(node, token);
        return error.Kind switch
        {
            ValidationErrorKind.NotInEnumeration => $"{found} is not allowed; expected {JoinOr(schema?.Enumeration.Select(e => $"'{e}'").ToList() ?? [])}",
            ValidationErrorKind.PatternMismatch => $"{found} does not match the pattern {schema?.Pattern}",
            ValidationErrorKind.NumberTooSmall => $"{found} is below the minimum {Number(schema?.Minimum)}",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => $"{found} is above the maximum {Number(schema?.Maximum)}",
            ValidationErrorKind.StringTooShort => $"{found} is shorter than {schema?.MinLength} characters",
            ValidationErrorKind.StringTooLong => $"{found} is longer than {schema?.MaxLength} characters",
            ValidationErrorKind.TooFewItems => $"the list needs at least {schema?.MinItems} items",
            ValidationErrorKind.TooManyItems => $"the list takes at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewProperties => $"the mapping needs at least {schema?.MinProperties} keys",
            ValidationErrorKind.TooManyProperties => $"the mapping takes at most {schema?.MaxProperties} keys",
            ValidationErrorKind.ItemsNotUnique => "the items must be unique",
            ValidationErrorKind.NotOneOf => $"{found} matches more than one of the forms allowed here",
            _ => $"{found} is not valid here ({error.Kind})",
        };
    }

    private static string Sentence(string where, string detail)
        => where == TopLevel ? $"The top level: {detail}" : $"{where}: {detail}";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>The path of a token, as in <c>services.web.ports[0]</c>.</summary>
    private static string Where(JToken? token)
    {
        var path = token?.Path;
        return string.IsNullOrEmpty(path) ? TopLevel : path;
    }

    /// <summary>What a value is: "a mapping", "the number 5", "the string 'abc'".</summary>
    private static string Found(YamlNode node, JToken? token)
    {
        var text = node is YamlScalar scalar ? Shorten(scalar.Value) : token?.ToString() ?? "";
        return token?.Type switch
        {
            JTokenType.Object => "a mapping",
            JTokenType.Array => "a list",
            JTokenType.Null => text.Length == 0 ? "an empty value (null)" : $"null ('{text}')",
            JTokenType.Boolean => $"the boolean {text}",
            JTokenType.Integer or JTokenType.Float => $"the number {text}",
            _ => $"the string '{text}'",
        };
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    private static string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "something else",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };
}
