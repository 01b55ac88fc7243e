using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// Checks a Compose file, as written (before interpolation, <c>include</c>, <c>extends</c> or
/// merging), against the Compose Specification's JSON schema, with NJsonSchema as the validator.
/// Scalars are typed the way docker compose's YAML library types them (see
/// <see cref="YamlCoreSchema"/>), so <c>${PORT}</c> in a numeric field is a string, which the schema
/// allows there.
/// <para>
/// Each problem is one diagnostic on the YAML that causes it: an unknown key
/// (<c>DC0011</c>, with the closest valid key when there is one) on the key; a wrong type or value
/// (<c>DC0010</c>) on the value; a missing required key (<c>DC0010</c>) on the key of the mapping that
/// lacks it (or on its first key when it has no key, as in a list item). Where the schema allows
/// several forms (<c>oneOf</c>/<c>anyOf</c>), the form matching the value's type is the one reported
/// on, and a value of none of the forms' types gets a single "expected a string or a mapping" error.
/// </para>
/// Never throws for any YAML; thread-safe.
/// </summary>
public static class ComposeSchemaValidator
{
    /// <summary>
    /// Loads the Compose schema now (it is loaded once per process, on first use); a caller that knows
    /// Compose files are coming calls it on another thread so the load overlaps other work.
    /// </summary>
    public static void LoadSchema() => _ = ComposeSchema.Instance;

    /// <summary>Validates one document (the root of a Compose file).</summary>
    /// <returns>DC0010 and DC0011 diagnostics, in the order of their position in the file.</returns>
    public static ImmutableArray<Diagnostic> Validate(YamlNode document) => Validate(document, ComposeSchemaMemo.Shared);

    /// <summary>Validates one document, remembering verdicts in <paramref name="memo"/> (the process's own by default).</summary>
    internal static ImmutableArray<Diagnostic> Validate(YamlNode document, ComposeSchemaMemo memo)
    {
        ArgumentNullException.ThrowIfNull(document);

        // The document's shape first, from the YAML: when the memo knows the whole document valid, that is
        // NJsonSchema's verdict (see ComposeSchemaMemo) and no JSON value is needed at all.
        var shapes = ComposeValueShapes.Number(document, memo);
        ComposeJsonDocument json;
        try
        {
            if (memo.IsKnownValid(ComposeSchema.Instance, shapes.RootShape))
            {
                return [];
            }

            json = ComposeJsonDocument.Create(document, memo, shapes);
        }
        finally
        {
            shapes.Return();
        }

        var validator = new MemoizingSchemaValidator(json);
        if (validator.IsValid())
        {
            return [];
        }

        var errors = validator.Validate();
        return errors.Count == 0 ? [] : new SchemaErrorTranslator(json).Translate(errors);
    }

    /// <summary>
    /// Validates every document of a file (docker compose reads each document of a multi-document
    /// file in turn). An empty file has nothing to validate.
    /// </summary>
    public static ImmutableArray<Diagnostic> Validate(YamlFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Documents.Length == 1)
        {
            return Validate(file.Documents[0]);
        }

        var builder = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var document in file.Documents)
        {
            builder.AddRange(Validate(document));
        }

        return builder.ToImmutable();
    }
}
