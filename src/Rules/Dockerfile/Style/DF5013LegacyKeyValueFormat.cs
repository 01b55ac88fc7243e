using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>ENV or LABEL in the legacy <c>key value</c> form.</summary>
public sealed class DF5013LegacyKeyValueFormat : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5013",
        "Legacy ENV or LABEL form without '='",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "ENV and LABEL written as 'key value' use the legacy form Docker keeps for compatibility; write key=value.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:LegacyKeyValueFormat"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `ENV` and `LABEL` written in the legacy form `ENV key value` (ONBUILD triggers included),
        on the pair. On by default, as in BuildKit, which warns about it on every build.

        Turn it off if you do not want to touch old files, as with BuildKit's `#
        check=skip=LegacyKeyValueFormat`.

        ## Why is this bad?

        In the legacy form everything after the first space is the value, quotes and spaces included,
        so `ENV PATH /opt/bin:$PATH EXTRA=1` sets one variable to `/opt/bin:…:… EXTRA=1` — not what it
        looks like — and one instruction can set only one variable. Docker's documentation says the form
        may be removed. `key=value` reads the same everywhere and allows several pairs.

        The rule fires on more than half of the official images' Dockerfiles: many were first written
        before `key=value` existed and keep `ENV NAME value` so that their generated variants diff
        cleanly. It stays on because BuildKit itself warns about the form on every build and the
        rewrite is mechanical.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        ENV APP_HOME /opt/app
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        ENV APP_HOME=/opt/app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<EnvInstruction>(c => Check(c, c.Instruction, c.Instruction.Pairs));
        context.RegisterInstructionAction<LabelInstruction>(c => Check(c, c.Instruction, c.Instruction.Pairs));
    }

    private static void Check(DockerfileContext context, Instruction instruction, ImmutableArray<ExpandedPair> pairs)
    {
        foreach (var pair in pairs.Where(p => !p.Syntax.HasEquals && p.Key.Text.Length > 0))
        {
            var keyword = instruction.Syntax.KeywordText;
            context.Report(pair.Syntax.Span, $"'{keyword} {pair.Key.Text} …' is the legacy form; write {keyword} {pair.Key.Text}=<value> (quote the value if it has spaces)");
        }
    }
}
