using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>
/// An image's tag is a channel that moves (<c>stable</c>, <c>edge</c>, <c>lts</c>, <c>nightly</c>, <c>main</c> …)
/// rather than a version, and the image has no digest.
/// </summary>
public sealed class DF3010FloatingTag : DockerfileRule
{
    /// <summary>The option that replaces the list of floating tags.</summary>
    public const string OptionName = "prohibited-tags";

    /// <summary>The channel names reported when <see cref="OptionName"/> is not set.</summary>
    public static readonly ImmutableArray<string> DefaultTags =
    [
        "latest", "stable", "edge", "lts", "current", "nightly", "dev", "devel", "develop", "development",
        "main", "master", "trunk", "head", "mainline", "rolling", "testing", "unstable", "sid", "next",
        "canary", "beta", "alpha", "rc", "preview", "insider", "experimental", "snapshot",
    ];

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3010",
        "Image with a floating tag",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "An image is referenced by a tag that names a release channel (stable, edge, lts, nightly, main …), not a version, and without a digest, so what it means changes over time.",
        "reproducibility",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports images whose tag is a release channel rather than a version: `stable`, `edge`,
        `lts`, `current`, `nightly`, `dev`, `develop`, `main`, `master`, `mainline`, `rolling`,
        `testing`, `unstable`, `sid`, `next`, `canary`, `beta`, `alpha`, `rc`, `preview`, `insider`,
        `experimental`, `snapshot` and a few more — alone or followed by a variant
        (`nginx:stable-alpine`, `node:lts-slim`, `cgr.dev/chainguard/go:latest-dev`). The tag `latest`
        itself, and a missing tag, are DF3001's. A channel followed by a version or a date is a
        pinned release and is not reported (`rust:nightly-2024-05-01`), and so is one followed by a
        commit hash (`ghcr.io/org/app:main-3f2a1bc`). It reads the same images as
        DF3001: FROM, `COPY --from=<image>` and `RUN --mount=…,from=<image>`, resolved through ARG
        defaults; stage names, `scratch`, digests and unknown values are left alone.

        The option `prohibited-tags` (a list) replaces the channel names; a tag is reported when it
        is one of them or starts with one followed by `-`, `_` or `.`.

        Turn it off when the team deliberately tracks a channel and rebuilds on every change (a canary
        pipeline), or set `prohibited-tags` to the channels it forbids.

        ## Why is this bad?

        A channel tag is moved by its publisher at every release, like `latest`: the same Dockerfile
        builds a different image next week, and a broken build cannot be reproduced or rolled back.
        `edge`, `nightly`, `main` and `dev` also point at unreleased code.

        ## Example

        ```dockerfile
        FROM nginx:stable-alpine
        COPY --from=ghcr.io/example/tools:main /bin/tool /usr/local/bin/tool
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.26.2-alpine
        COPY --from=ghcr.io/example/tools:1.4.2 /bin/tool /usr/local/bin/tool
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    /// <summary>The channel a tag starts with, when the rest is no version or date; null for other tags.</summary>
    internal static string? FloatingChannel(string tag, IEnumerable<string> channels)
    {
        var words = tag.Split(['-', '_']);
        foreach (var channel in channels)
        {
            if (string.Equals(tag, channel, StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }

            if (tag.Length > channel.Length && tag.StartsWith(channel, StringComparison.OrdinalIgnoreCase) && tag[channel.Length] is '-' or '_' or '.'
                && !words.Skip(channel.Count(c => c is '-' or '_') + 1).Any(IsPin))
            {
                return channel;
            }
        }

        return null;
    }

    /// <summary>A word that pins a release: a version or date (starts with a digit) or a commit hash (7+ hex digits).</summary>
    private static bool IsPin(string word)
        => word.Length > 0 && (char.IsAsciiDigit(word[0]) || (word.Length >= 7 && word.All(char.IsAsciiHexDigitLower) && word.Any(char.IsAsciiDigit)));

    private static void Check(DockerfileContext context)
    {
        var configured = context.Options.GetList(OptionName);
        IEnumerable<string> channels = configured.IsDefault || configured.IsEmpty ? DefaultTags : configured;
        foreach (var use in ImageUses.Known(context.Model))
        {
            if (use.Image is not { HasDigest: false, Tag: { } tag } || use.Image.IsLatest || FloatingChannel(tag.Text, channels) is not { } channel)
            {
                continue;
            }

            var moves = string.Equals(tag.Text, channel, StringComparison.OrdinalIgnoreCase)
                ? $"the tag '{tag.Text}' is a release channel"
                : $"the tag '{tag.Text}' follows the '{channel}' channel";
            context.Report(use.SpanOfPart(tag), $"{use.What} {use.Shown}: {moves}, which moves with every release, so builds are not reproducible; pin a version tag (and ideally a digest)");
        }
    }
}
