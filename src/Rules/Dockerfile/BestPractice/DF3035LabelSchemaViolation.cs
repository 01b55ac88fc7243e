using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>The final image's labels do not match the configured label schema: missing, empty, badly formatted or not allowed.</summary>
public sealed partial class DF3035LabelSchemaViolation : DockerfileRule
{
    /// <summary>The option listing the labels the image must have: <c>name</c> or <c>name:format</c>.</summary>
    public const string RequiredLabelsOption = "required-labels";

    /// <summary>The option that, when <c>true</c>, reports labels the schema does not list.</summary>
    public const string StrictLabelsOption = "strict-labels";

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3035",
        "Label schema not respected",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The image's labels do not follow the label schema configured with required-labels (and strict-labels): a label is missing, empty, not in its format, or not allowed.",
        "metadata");

    private static readonly string[] s_formats = ["text", "url", "semver", "hash", "rfc3339", "spdx", "email"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3049", "hadolint:DL3050", "hadolint:DL3051", "hadolint:DL3052", "hadolint:DL3053",
        "hadolint:DL3054", "hadolint:DL3055", "hadolint:DL3056", "hadolint:DL3058",
    ];

    /// <inheritdoc />
    public override RuleOptions? ExampleOptions => new(new Dictionary<string, ImmutableArray<string>>
    {
        [RequiredLabelsOption] = ["org.opencontainers.image.source:url", "org.opencontainers.image.version:semver"],
    });

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Checks the labels of the final image — the `LABEL`s of the last stage and of the stages it is
        built on — against a schema given in the rule's options, and is **silent until configured**:

        - `required-labels`: a list of `name` or `name:format`, where format is `text` (any non-empty
          value), `url` (absolute URL), `semver` (`1.4.2`, `2.0.0-rc.1`), `hash` (a git commit hash, 7 to
          40 hex digits, or a 64-digit SHA-256), `rfc3339` (`2024-05-01T12:00:00Z`), `spdx` (an SPDX
          license expression such as `MIT` or `Apache-2.0 OR MIT`) or `email`. A missing label is reported
          on the final `FROM`; a listed label that is empty or not in its format is reported on its value.
        - `strict-labels`: `true` reports every label the list does not name.

        Values given through variables whose value is unknown (`LABEL org.opencontainers.image.version=$VERSION`
        with no default) are not checked: they are filled at build time. Labels the base image sets
        cannot be seen and do not count.

        Turn it on by configuring `required-labels` when your registry, scanner or release process
        depends on image labels (OCI `org.opencontainers.image.*` annotations, ownership or licence
        metadata).

        ## Why is this bad?

        Registries, scanners and deployment tools read labels — the source repository, the version,
        the revision, the license. An organisation that relies on them wants every image to carry them,
        in a format tools can parse.

        ## Example

        With `required-labels: [org.opencontainers.image.source:url, org.opencontainers.image.version:semver]`:

        ```dockerfile
        FROM alpine:3.20
        LABEL org.opencontainers.image.version="v1.4"
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        LABEL org.opencontainers.image.source="https://github.com/example/app" \
              org.opencontainers.image.version="1.4.2"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^(?:[0-9a-fA-F]{7,40}|[0-9a-fA-F]{64})$")]
    private static partial Regex Hash();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(?:\(?\s*(?:LicenseRef-)?[A-Za-z0-9][A-Za-z0-9.\-]*\+?\s*\)?)(?:\s+(?:AND|OR|WITH)\s+\(?\s*(?:LicenseRef-)?[A-Za-z0-9][A-Za-z0-9.\-]*\+?\s*\)?)*$")]
    private static partial Regex Spdx();

    [GeneratedRegex(@"^[^@\s<>()\[\],;:""]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Email();

    private static void Check(DockerfileContext context)
    {
        var schema = ReadSchema(context.Options.GetList(RequiredLabelsOption));
        var strict = string.Equals(context.Options.Get(StrictLabelsOption), "true", StringComparison.OrdinalIgnoreCase);
        if ((schema.Count == 0 && !strict) || context.Model.FinalStage is not { } final)
        {
            return;
        }

        var chain = new[] { final }.Concat(final.Ancestors()).Reverse().ToList();
        var labels = chain.SelectMany(s => s.OfType<LabelInstruction>()).Where(l => !l.IsTrigger).SelectMany(l => l.Pairs).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in labels)
        {
            if (pair.Key.Value is not { } key)
            {
                continue;
            }

            seen.Add(key);
            if (!schema.TryGetValue(key, out var format))
            {
                if (strict)
                {
                    context.Report(pair.Key.Span, $"Label '{key}' is not in the label schema (strict-labels is on); remove it or add it to required-labels");
                }

                continue;
            }

            if (pair.Value.Value is not { } value)
            {
                continue;
            }

            if (value.Trim().Length == 0)
            {
                context.Report(pair.Syntax.Span, $"Label '{key}' is empty; the label schema requires a value");
            }
            else if (!Conforms(value, format))
            {
                context.Report(pair.Value.Span, $"Label '{key}' is '{value}', which is not {Describe(format)} as the label schema requires");
            }
        }

        foreach (var (name, _) in schema.Where(s => !seen.Contains(s.Key)))
        {
            context.Report(final.From.KeywordSpan, $"The image has no label '{name}', which the label schema requires");
        }
    }

    /// <summary>Reads <c>name</c> or <c>name:format</c> entries; an unknown format counts as text.</summary>
    private static Dictionary<string, string> ReadSchema(ImmutableArray<string> entries)
    {
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var colon = entry.LastIndexOf(':');
            var format = colon < 0 ? "text" : entry[(colon + 1)..].Trim().ToLowerInvariant();
            if (colon >= 0 && s_formats.Contains(format))
            {
                schema[entry[..colon].Trim()] = format;
            }
            else
            {
                schema[entry] = "text";
            }
        }

        return schema;
    }

    internal static bool Conforms(string value, string format) => format switch
    {
        "url" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "git" or "ssh" or "ftp" && uri.Host.Length > 0,
        "semver" => SemVer().IsMatch(value),
        "hash" => Hash().IsMatch(value),
        "rfc3339" => Rfc3339().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "spdx" => Spdx().IsMatch(value),
        "email" => Email().IsMatch(value),
        _ => true,
    };

    private static string Describe(string format) => format switch
    {
        "url" => "an absolute URL",
        "semver" => "a semantic version (1.4.2)",
        "hash" => "a git commit hash",
        "rfc3339" => "an RFC 3339 time (2024-05-01T12:00:00Z)",
        "spdx" => "an SPDX license expression",
        "email" => "an email address",
        _ => "text",
    };
}
