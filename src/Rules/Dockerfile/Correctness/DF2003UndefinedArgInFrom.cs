using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A FROM line (image or <c>--platform</c>) uses a variable that no ARG before the first FROM declares.</summary>
public sealed class DF2003UndefinedArgInFrom : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2003",
        "FROM uses an undeclared ARG",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A variable in FROM is not declared by an ARG before the first FROM, so it expands to an empty string.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:UndefinedArgInFrom", "dockerfile-utils:BASE_NAME_EMPTY"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports variables in a FROM line — in the image or in `--platform` — that are neither
        declared by an `ARG` before the first `FROM` nor one of BuildKit's platform arguments
        (`TARGETPLATFORM`, `BUILDPLATFORM`, `TARGETARCH` …). When the name is declared by an `ARG`
        inside a stage, the message says so: that ARG comes too late for FROM lines. A reference
        that gives its own fallback (`${TAG:-3.20}`, `${SUFFIX:+-slim}`) is not reported.

        A global ARG that is declared but has no default (`ARG TAG`) is not reported: it is meant to
        be set with `--build-arg`. When an ARG default makes the image reference invalid or empty,
        the parser reports it as DF0010.

        Do not turn it off: a variable no global `ARG` declares is empty in `FROM` whatever
        `--build-arg` passes, so the build fails or pulls another image; declare it with `ARG` before
        the first `FROM`.

        ## Why is this bad?

        BuildKit expands FROM lines with the global ARGs only, and an undeclared name becomes an
        empty string without an error: `FROM alpine:$TAG` turns into `alpine:` and fails, and
        `FROM ${REGISTRY}alpine` silently pulls from Docker Hub even when `--build-arg REGISTRY=…` is
        passed, because build arguments that are not declared are ignored.

        ## Example

        ```dockerfile
        FROM node:${NODE_VERSION}
        ARG NODE_VERSION=22
        ```

        ## Use instead

        ```dockerfile
        ARG NODE_VERSION=22
        FROM node:${NODE_VERSION}
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        var from = context.Instruction;
        var words = new[] { from.ImageText, from.Platform?.Value };
        foreach (var word in words)
        {
            if (word is null)
            {
                continue;
            }

            foreach (var name in word.Expansion.UnsetVariables)
            {
                if (HasFallback(word.Text, name))
                {
                    continue;
                }

                var late = context.Model.AllInstructions().OfType<ArgInstruction>().Any(a => !a.IsGlobal && a.Declarations.Any(d => d.Name == name));
                var hint = late
                    ? $"ARG {name} is declared after the first FROM, where FROM lines cannot see it; declare it before the first FROM"
                    : $"declare ARG {name} (with a default) before the first FROM";
                context.Report(ReferenceSpan(word, name), $"FROM uses ${name}, which no ARG before the first FROM declares, so it expands to an empty string; {hint}");
            }
        }
    }

    /// <summary>True when every reference to the name supplies its own value when unset (<c>${X:-d}</c>, <c>${X-d}</c>, <c>${X:+a}</c>, <c>${X+a}</c>).</summary>
    private static bool HasFallback(string text, string name)
    {
        var bare = false;
        var any = false;
        for (var i = text.IndexOf('$', StringComparison.Ordinal); i >= 0; i = text.IndexOf('$', i + 1))
        {
            var braced = i + 1 < text.Length && text[i + 1] == '{';
            var start = braced ? i + 2 : i + 1;
            if (string.CompareOrdinal(text, start, name, 0, name.Length) != 0)
            {
                continue;
            }

            var end = start + name.Length;
            if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                continue;
            }

            any = true;
            var rest = text.AsSpan(end);
            if (!(braced && (rest.StartsWith(":-") || rest.StartsWith(":+") || rest.StartsWith("-") || rest.StartsWith("+"))))
            {
                bare = true;
            }
        }

        return any && !bare;
    }

    /// <summary>The span of the first reference to the name when the word is written on one piece, else the word.</summary>
    private static TextSpan ReferenceSpan(ExpandedWord word, string name)
    {
        var syntax = word.Syntax;
        if (!syntax.IsVerbatim)
        {
            return word.Span;
        }

        var braced = syntax.Text.IndexOf("${" + name, StringComparison.Ordinal);
        if (braced >= 0)
        {
            var close = syntax.Text.IndexOf('}', braced);
            return syntax.GetSpan(braced, (close < 0 ? syntax.Text.Length : close + 1) - braced);
        }

        var plain = syntax.Text.IndexOf("$" + name, StringComparison.Ordinal);
        return plain >= 0 ? syntax.GetSpan(plain, name.Length + 1) : word.Span;
    }
}
