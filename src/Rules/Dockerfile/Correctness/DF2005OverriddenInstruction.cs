using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A CMD, ENTRYPOINT or HEALTHCHECK that a later one of the same stage replaces.</summary>
public sealed class DF2005OverriddenInstruction : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2005",
        "CMD, ENTRYPOINT or HEALTHCHECK overridden in the same stage",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one takes effect.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL4003",
        "hadolint:DL4004",
        "hadolint:DL3012",
        "buildkit:MultipleInstructionsDisallowed",
        "trivy:DS-0016",
        "trivy:DS-0007",
        "trivy:DS-0023",
        "kics:41c195f4-fc31-4a5c-8a1b-90605538d49f",
        "kics:6938958b-3f1a-451c-909b-baeee14bdc97",
        "dockerfile-utils:MULTIPLE_INSTRUCTIONS",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports each `CMD`, `ENTRYPOINT` and `HEALTHCHECK` (including `HEALTHCHECK NONE`) that a
        later instruction of the same kind in the same stage replaces. The finding sits on the
        instruction that has no effect and names the line that wins. Every stage is checked, since
        `--target` can make any of them the image; ONBUILD triggers are checked among themselves.

        Turn it off for Dockerfiles that are assembled from fragments (templates concatenated by a
        script), where a later fragment deliberately replaces an earlier default.

        ## Why is this bad?

        Only the last of these instructions ends up in the image. The earlier ones are dead code
        that a reader may take for the real start command or health check — often the remains of
        an edit, or of two Dockerfiles pasted together.

        ## Example

        ```dockerfile
        FROM node:22
        CMD ["node", "server.js"]
        CMD ["npm", "start"]
        ```

        ## Use instead

        ```dockerfile
        FROM node:22
        CMD ["npm", "start"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        var instructions = context.Stage.Instructions;
        var overriding = 0;
        var onbuild = false;
        foreach (var instruction in instructions)
        {
            overriding += IsOverriding(instruction) ? 1 : 0;
            onbuild |= instruction is OnbuildInstruction;
        }

        // Most stages have at most one CMD, ENTRYPOINT or HEALTHCHECK and no ONBUILD: nothing can be overridden.
        if (overriding < 2 && !onbuild)
        {
            return;
        }

        var triggers = instructions.OfType<OnbuildInstruction>().Select(o => o.Trigger).OfType<Instruction>().ToList();
        foreach (var group in new[] { instructions.AsEnumerable(), triggers })
        {
            foreach (var kind in group.Where(IsOverriding).GroupBy(i => i.Kind))
            {
                var all = kind.ToList();
                var last = all[^1];
                var line = context.Model.Tree.GetLocation(last.KeywordSpan).GetLineSpan().StartLinePosition.Line + 1;
                foreach (var earlier in all.Take(all.Count - 1))
                {
                    var keyword = earlier.Syntax.KeywordText.ToUpperInvariant();
                    var prefix = earlier.IsTrigger ? "ONBUILD " : "";
                    context.Report(earlier.KeywordSpan, $"This {prefix}{keyword} has no effect: the {prefix}{keyword} on line {line} replaces it, because only the last one in a stage counts; remove one of them");
                }
            }
        }
    }

    private static bool IsOverriding(Instruction instruction) => instruction is CmdInstruction or EntrypointInstruction or HealthcheckInstruction;
}
