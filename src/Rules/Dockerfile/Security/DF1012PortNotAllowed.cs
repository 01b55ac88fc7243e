using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>EXPOSE lists a port that the option <c>allowed-ports</c> does not allow.</summary>
public sealed class DF1012PortNotAllowed : DockerfileRule
{
    /// <summary>The option listing the allowed ports.</summary>
    public const string OptionName = "allowed-ports";

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1012",
        "Exposed port not allowed",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "EXPOSE lists a port that is not in the configured list of allowed ports.",
        "CWE-1327");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 4.0;

    /// <inheritdoc />
    public override RuleOptions? ExampleOptions { get; } = new(new Dictionary<string, ImmutableArray<string>> { [OptionName] = ["80", "443", "8000-8100"] });

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        When the option `allowed-ports` is set, reports every EXPOSE port outside it. Entries are a
        port (`80`), a range (`8000-8100`), and either with a protocol (`53/udp`, `9000-9100/sctp`);
        an entry without a protocol means TCP, as in EXPOSE itself. A range in EXPOSE must lie wholly
        inside the allowed ports. Values from ARG and ENV are resolved; unknown values are not
        reported, and ONBUILD EXPOSE is checked too. Without the option the rule reports nothing.

        Turn it on by setting `allowed-ports` where a platform only routes certain ports to
        containers; without the option it reports nothing.

        ## Why is this bad?

        `EXPOSE` declares the ports a container listens on, and `docker run -P`, Compose and
        platforms publish what the image declares. A platform team that reviews which ports services
        may open wants new ones to show up in review rather than in production.

        ## Example

        With `allowed-ports: [80, 443, 8000-8100]`:

        ```dockerfile
        FROM node:22
        EXPOSE 3000
        ```

        ## Use instead

        ```dockerfile
        FROM node:22
        EXPOSE 8080
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<ExposeInstruction>(Check);

    /// <summary>Parses the entries (<c>80</c>, <c>8000-8100</c>, <c>53/udp</c>); invalid entries are skipped.</summary>
    internal static List<(int Start, int End, string Protocol)> ParseEntries(IEnumerable<string> entries)
    {
        var result = new List<(int, int, string)>();
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            var slash = entry.IndexOf('/');
            var protocol = slash < 0 ? "tcp" : entry[(slash + 1)..].ToLowerInvariant();
            var numbers = slash < 0 ? entry : entry[..slash];
            var dash = numbers.IndexOf('-');
            if (int.TryParse(dash < 0 ? numbers : numbers[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(dash < 0 ? numbers : numbers[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                && start <= end && protocol is "tcp" or "udp" or "sctp")
            {
                result.Add((start, end, protocol));
            }
        }

        return result;
    }

    private static void Check(InstructionContext<ExposeInstruction> context)
    {
        if (!context.Options.Contains(OptionName))
        {
            return;
        }

        var configured = context.Options.GetList(OptionName);
        var allowed = ParseEntries(configured);
        foreach (var port in context.Instruction.Ports)
        {
            if (port is not { IsKnown: true, Start: { } start, End: { } end, Protocol: { } protocol })
            {
                continue;
            }

            var ranges = allowed.Where(a => a.Protocol == protocol).ToList();
            var outside = Enumerable.Range(start, end - start + 1).FirstOrDefault(p => !ranges.Any(r => r.Start <= p && p <= r.End), -1);
            if (outside < 0)
            {
                continue;
            }

            var which = start == end ? $"port {start}/{protocol} is" : $"the range {start}-{end}/{protocol} includes {outside}/{protocol}, which is";
            var prefix = context.Instruction.IsTrigger ? "ONBUILD EXPOSE" : "EXPOSE";
            context.Report(port.Word.Span, $"{prefix} {port.Text}: {which} not in allowed-ports ({string.Join(", ", configured)}); use an allowed port or have it added to the list");
        }
    }
}
