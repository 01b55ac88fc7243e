using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>useradd</c> with a high UID and without <c>-l</c>: the lastlog file grows to gigabytes.</summary>
public sealed class DF3094UseraddWithoutNoLogInit : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3094",
        "useradd with a high UID without -l",
        "useradd with UID {0} and without -l/--no-log-init writes a sparse lastlog entry that can make the layer gigabytes big; add --no-log-init",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "useradd records the new user in /var/log/lastlog at an offset proportional to the UID; with a high UID the file (and the layer) becomes huge.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3046"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `useradd -u <UID>` (or `--uid`) with a UID of 100000 or more when neither `-l` nor
        `--no-log-init` is given. UIDs from variables that cannot be resolved are not reported.
        A non-POSIX `SHELL` is not read.

        Turn it off if your base images have no lastlog (Alpine's busybox adduser does not write one).

        ## Why is this bad?

        `useradd` reserves room for the user in `/var/log/lastlog` and `/var/log/faillog` at an offset
        of the UID times the record size. The files are sparse on disk, but image layers store them
        in full: a UID such as 1000000 adds hundreds of megabytes to the layer.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN useradd -u 1000001 -m app
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN useradd --no-log-init -u 1000001 -m app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (command.Name != "useradd")
                {
                    continue;
                }

                var args = command.Arguments;
                if (args.Any(a => a.Text is "--no-log-init" || (a.Text.Length > 1 && a.Text[0] == '-' && a.Text[1] != '-' && a.Text.Contains('l', StringComparison.Ordinal))))
                {
                    continue;
                }

                for (var i = 0; i < args.Length; i++)
                {
                    var value = args[i].Text switch
                    {
                        "-u" or "--uid" when i + 1 < args.Length => args[i + 1],
                        _ when args[i].Text.StartsWith("--uid=", StringComparison.Ordinal) => args[i],
                        _ => (Parser.Shell.ShellWordToken?)null,
                    };
                    var text = value?.Text.StartsWith("--uid=", StringComparison.Ordinal) == true ? value.Value.Text[6..] : value?.Text;
                    if (value is { IsLiteral: true } word && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid >= 100_000)
                    {
                        context.Report(word.Span, uid);
                        break;
                    }
                }
            }
        });
}
