using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile;

/// <summary>What the package-manager rules share: where to report and which stages end up in the image.</summary>
internal static class PackageManagerRules
{
    /// <summary>The package-manager invocations of a RUN (ONBUILD RUN included), read by the shell layer; none under a non-POSIX SHELL.</summary>
    public static ImmutableArray<PackageInvocation> Invocations(RunInstruction run) => ShellScript.Parse(run).Packages;

    /// <summary>The span from the program to the subcommand (<c>apt-get -q install</c>), the words that say what runs.</summary>
    public static TextSpan CommandSpan(PackageInvocation invocation)
    {
        var start = invocation.ProgramWord.Span.Start;
        var end = invocation.SubcommandWord is { } sub && sub.Span.End > start ? sub.Span.End : invocation.ProgramWord.Span.End;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>How the command reads in a message: <c>apt-get install</c>, <c>python3 -m pip install</c>.</summary>
    public static string Display(PackageInvocation invocation)
    {
        var program = invocation.Manager == PackageManager.Pip && invocation.Tool.StartsWith("python", StringComparison.Ordinal)
            ? invocation.Tool + " -m pip"
            : invocation.Tool;
        return invocation.SubcommandWord is { } sub ? $"{program} {sub.Text}" : program;
    }

    /// <summary>
    /// True when the instruction's layer ends up in the final image: it belongs to the final stage or to a
    /// stage the final stage is built on (<c>FROM base</c>), or it is an ONBUILD trigger (it runs in the
    /// child image). A builder stage whose files are copied out with <c>COPY --from</c> is not.
    /// </summary>
    public static bool InFinalImage(DockerfileModel model, Instruction instruction)
        => instruction.IsTrigger || instruction.Stage is not { } stage || model.FinalStage is not { } final
            || ReferenceEquals(stage, final) || final.Ancestors().Contains(stage);

    /// <summary>
    /// True when an instruction before <paramref name="instruction"/> in its stage or the stages it is built on
    /// configures the package manager in a way the rule cannot read: a RUN whose words or heredocs mention
    /// one of <paramref name="needles"/> (<c>echo 'APT::Get::Assume-Yes "true";' &gt; /etc/apt/apt.conf.d/…</c>),
    /// or a COPY/ADD into one of <paramref name="configDirectories"/>.
    /// </summary>
    public static bool ConfiguredEarlier(Instruction instruction, string[] needles, string[] configDirectories)
    {
        if (instruction.Stage is not { } stage)
        {
            return false;
        }

        var candidates = stage.Ancestors().Reverse().SelectMany(s => s.Instructions)
            .Concat(stage.Instructions.TakeWhile(i => !ReferenceEquals(i, instruction) && !ReferenceEquals(i, instruction.Onbuild)));
        foreach (var candidate in candidates)
        {
            switch (candidate)
            {
                case RunInstruction run:
                    var words = ShellScript.Parse(run).Commands.SelectMany(c => c.Words.Concat(c.Redirections.Select(r => r.Target)));
                    if (words.Any(w => Mentions(w.Text)) || run.Heredocs.Any(h => Mentions(h.Body.Text)))
                    {
                        return true;
                    }

                    break;
                case FileTransferInstruction copy when copy.Destination is { } destination:
                    if (configDirectories.Any(d => destination.Text.Contains(d, StringComparison.Ordinal)))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;

        bool Mentions(string text) => needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
    }
}
