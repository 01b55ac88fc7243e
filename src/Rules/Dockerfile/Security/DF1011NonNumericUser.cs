using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>The final image's USER is a name, not a numeric UID (opt-in).</summary>
public sealed class DF1011NonNumericUser : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF1011",
        "USER by name instead of numeric UID",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The final image's USER is a user name, which Kubernetes cannot verify as non-root without a numeric UID.",
        "CWE-250");

    private static readonly string[] s_windowsImages = ["windows", "nanoserver", "servercore"];
    private static readonly string[] s_windowsShells = ["powershell", "pwsh", "cmd"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3066"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 3.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the `USER` the final image runs as — the last `USER` of the final stage or of the
        stages it is built on — when it names the user (`USER app`, `USER app:app`) instead of giving
        a numeric UID (`USER 10001`, `USER 10001:10001`). `root` is left to DF1001, a user whose value
        is unknown is not reported, and neither are Windows images, which have no numeric UIDs.

        The final stage is the last one, or the stage named by the option `target` (the value given
        to `docker build --target`, by name or index; `options: { target: prod }` in
        `.dockerlint.yaml`, also per path in `overrides:`), since that stage is then the image that
        ships.

        The rule is off by default. Turn it on for images that run on Kubernetes or OpenShift with
        `runAsNonRoot`, or under policies that require numeric users.

        ## Why is this bad?

        With `securityContext.runAsNonRoot: true`, the kubelet must prove that the container does not
        run as UID 0 before starting it. It cannot look a user name up in the image's `/etc/passwd`,
        so a named user makes the pod fail with "image has non-numeric user … cannot verify user is
        non-root", unless `runAsUser` repeats the UID elsewhere. A numeric UID also does not depend
        on `/etc/passwd` existing in the final image (distroless and scratch images often have none).

        ## Example

        ```dockerfile
        FROM node:22
        USER node
        ```

        ## Use instead

        ```dockerfile
        FROM node:22
        USER 1000:1000
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        if (StageReferences.Built(context) is not { } final)
        {
            return;
        }

        var lastUser = new[] { final }.Concat(final.Ancestors())
            .Select(stage => stage.OfType<UserInstruction>().LastOrDefault(u => !u.IsTrigger))
            .FirstOrDefault(u => u is not null);
        if (lastUser?.User is not { Length: > 0 } user || user.All(char.IsAsciiDigit) || DF1001RootUser.IsRoot(user) || IsWindows(context.Model, user))
        {
            return;
        }

        context.Report(lastUser.UserSpan, $"The final image runs as the user name '{user}', not a numeric UID, so Kubernetes' runAsNonRoot cannot verify it is not root; use the UID (USER <uid>[:<gid>])");
    }

    /// <summary>
    /// Windows has no numeric UIDs: the user is one of its built-in accounts, the file uses the
    /// backtick escape, or any stage is based on a Windows image or uses a PowerShell or cmd SHELL.
    /// </summary>
    private static bool IsWindows(DockerfileModel model, string user)
        => user.Equals("ContainerUser", StringComparison.OrdinalIgnoreCase)
            || model.Tree.EscapeToken == '`'
            || model.Stages.Any(s => (s.From.ImageText?.Value ?? s.From.ImageText?.Text) is { } image && s_windowsImages.Any(w => image.Contains(w, StringComparison.OrdinalIgnoreCase)))
            || model.Stages.Any(s => s.OfType<ShellInstruction>().Any(sh => sh.ExecArguments.FirstOrDefault()?.Text is { } shell
                && s_windowsShells.Any(w => shell.Contains(w, StringComparison.OrdinalIgnoreCase))));
}
