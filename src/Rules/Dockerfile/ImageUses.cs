using System.Globalization;
using DockerLint.Parser.Images;
using DockerLint.Parser.Model;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile;

/// <summary>
/// One image a Dockerfile pulls, with a known value: the base image of a FROM, the image of
/// <c>COPY --from=&lt;image&gt;</c> or of <c>RUN --mount=…,from=&lt;image&gt;</c> (ONBUILD triggers included).
/// </summary>
/// <param name="Instruction">The instruction that names the image.</param>
/// <param name="What">How the message names the use: <c>Base image</c>, <c>COPY --from image</c>, <c>ONBUILD RUN --mount from image</c>.</param>
/// <param name="Image">The parsed, valid reference.</param>
/// <param name="Written">The text as written when it differs from the value (variables, quotes); null otherwise.</param>
/// <param name="Span">The whole word (or mount option) the image is written in.</param>
/// <param name="SpanOfPart">The source span of a part of the reference (exact when written literally, else <paramref name="Span"/>).</param>
internal sealed record ImageUse(Instruction Instruction, string What, ImageReference Image, string? Written, TextSpan Span, Func<ImageReferencePart, TextSpan> SpanOfPart)
{
    /// <summary>The image for a message: <c>'alpine'</c>, or <c>'${BASE}' (= 'alpine')</c> when written through variables.</summary>
    public string Shown => Written is null ? $"'{Image.Text}'" : $"'{Written}' (= '{Image.Text}')";

    /// <summary>The span of the tag, else the repository, else the whole word: where a finding about pinning goes.</summary>
    public TextSpan PinSpan => Image.Tag is { } tag ? SpanOfPart(tag) : Image.Repository is { } repository ? SpanOfPart(repository) : Span;
}

/// <summary>
/// The images a Dockerfile uses, told apart from what is not an image: stage names and indexes
/// (also of stages defined later), <c>scratch</c>, bare names in <c>--from</c> that may be named build
/// contexts, and references whose value is unknown.
/// </summary>
internal static class ImageUses
{
    /// <summary>Every image use with a known, valid reference, in source order.</summary>
    public static IEnumerable<ImageUse> Known(DockerfileModel model)
    {
        foreach (var instruction in model.AllInstructions())
        {
            var prefix = instruction.IsTrigger ? "ONBUILD " : "";
            switch (instruction)
            {
                case FromInstruction { SourceKind: ImageSourceKind.Image, Image: { IsValid: true } image, ImageText: { } word } from
                    when model.FindStage(image.Text) is null:
                    yield return new ImageUse(from, "Base image", image, Written(word), word.Span, from.SpanOf);
                    break;
                case CopyInstruction { FromKind: ImageSourceKind.Image, FromImage: { IsValid: true, IsScratch: false } image, From.Value: { } word } copy
                    when !MayBeStageOrContext(model, image):
                    yield return new ImageUse(copy, prefix + "COPY --from image", image, Written(word), word.Span, part => word.GetSpan(part.Start, part.Length));
                    break;
                case RunInstruction { Mounts.IsEmpty: false } run:
                    foreach (var use in MountImages(model, run, prefix))
                    {
                        yield return use;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// <c>--from</c> may name something other than an image: a stage (also one defined later), or —
    /// for a bare name without registry, namespace or tag such as <c>--from=templates</c> — a named
    /// build context given with <c>docker buildx build --build-context templates=…</c>.
    /// </summary>
    public static bool MayBeStageOrContext(DockerfileModel model, ImageReference image)
        => model.FindStage(image.Text) is not null
            || (image.Registry is null && !image.HasTag && !image.HasDigest && image.Repository is { } repository && !repository.Text.Contains('/', StringComparison.Ordinal));

    /// <summary>The stage a <c>--from</c> value names, by name or index, among all stages (BuildKit resolves against every stage).</summary>
    public static Stage? FindStage(DockerfileModel model, string value)
        => model.FindStage(value)
            ?? (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < model.Stages.Length ? model.Stages[index] : null);

    /// <summary>
    /// The option's value is the written text: the flag was expanded completely, or the value itself
    /// holds no variable, quote or escape (the model keeps an unknown flag's text as written).
    /// </summary>
    public static bool IsLiteralOption(RunMount mount, string value)
        => mount.Flag.Value is { IsKnown: true } || value.IndexOfAny(['$', '\\', '"', '\'']) < 0;

    /// <summary>The source span of part of a mount option's value (the option is written <c>key=value</c>).</summary>
    public static TextSpan ValueSpan(MountOption option, int start, int length)
    {
        var keyLength = option.Key.Length + 1;
        return option.Value is { } value && option.Span.Length == keyLength + value.Length
            ? new TextSpan(option.Span.Start + keyLength + start, length)
            : option.Span;
    }

    private static IEnumerable<ImageUse> MountImages(DockerfileModel model, RunInstruction run, string prefix)
    {
        foreach (var mount in run.Mounts)
        {
            if (mount.Get("from") is not { Value: { Length: > 0 } value } option || !IsLiteralOption(mount, value))
            {
                continue;
            }

            if (value == ImageReference.ScratchName || FindStage(model, value) is not null)
            {
                continue;
            }

            var image = ImageReference.Parse(value);
            if (!image.IsValid || MayBeStageOrContext(model, image))
            {
                continue;
            }

            yield return new ImageUse(run, prefix + "RUN --mount from image", image, null, ValueSpan(option, 0, value.Length), part => ValueSpan(option, part.Start, part.Length));
        }
    }

    private static string? Written(ExpandedWord word) => word.Value == word.Text ? null : word.Text;
}
