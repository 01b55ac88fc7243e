using System.Globalization;
using DockerLint.Parser.Images;
using DockerLint.Parser.Model;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile;

/// <summary>A <c>COPY --from</c> or <c>RUN --mount=…,from=</c> with a known value, outside ONBUILD.</summary>
/// <param name="Instruction">The COPY or RUN.</param>
/// <param name="Value">The value, expanded.</param>
/// <param name="Span">Where the value is written.</param>
/// <param name="Stage">The stage it names by name or index, among all stages (earlier, own or later); null when none.</param>
/// <param name="IsMount">True for <c>RUN --mount</c>.</param>
internal sealed record StageReference(Instruction Instruction, string Value, TextSpan Span, Stage? Stage, bool IsMount)
{
    /// <summary>The flag for a message: <c>COPY --from=build</c> or <c>RUN --mount from=build</c>.</summary>
    public string Shown => IsMount ? $"RUN --mount from={Value}" : $"COPY --from={Value}";

    /// <summary>True when the value is a stage index (digits only).</summary>
    public bool IsIndex => Value.Length > 0 && Value.All(char.IsAsciiDigit);

    /// <summary>The index when <see cref="IsIndex"/> and it fits an int; null otherwise.</summary>
    public int? Index => IsIndex && int.TryParse(Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}

/// <summary>Where a Dockerfile refers to its own stages from COPY and RUN --mount.</summary>
internal static class StageReferences
{
    /// <summary>
    /// Every <c>--from</c> of COPY and every mount <c>from=</c> of RUN with a known value, in source order.
    /// ONBUILD triggers are left out: their references resolve in the build that uses this image.
    /// </summary>
    public static IEnumerable<StageReference> All(DockerfileModel model)
    {
        foreach (var instruction in model.Instructions)
        {
            if (instruction is CopyInstruction { From: { Value.Value: { Length: > 0 } value } from } copy)
            {
                yield return new StageReference(copy, value, from.Flag.ValueSpan, ImageUses.FindStage(model, value), IsMount: false);
            }
            else if (instruction is RunInstruction run)
            {
                foreach (var mount in run.Mounts)
                {
                    if (mount.Get("from") is { Value: { Length: > 0 } mountValue } option && ImageUses.IsLiteralOption(mount, mountValue) && mountValue != ImageReference.ScratchName)
                    {
                        yield return new StageReference(run, mountValue, ImageUses.ValueSpan(option, 0, mountValue.Length), ImageUses.FindStage(model, mountValue), IsMount: true);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The stages <paramref name="stage"/> needs before it can be built: its base stage and the stages it copies or
    /// mounts from, among <paramref name="references"/> (the file's <see cref="All"/>, read once by the caller).
    /// </summary>
    public static IEnumerable<Stage> Dependencies(Stage stage, IReadOnlyList<StageReference> references)
    {
        if (stage.BaseStage is { } baseStage)
        {
            yield return baseStage;
        }

        foreach (var reference in references)
        {
            if (reference.Instruction.Stage == stage && reference.Stage is { } target)
            {
                yield return target;
            }
        }
    }

    /// <summary>
    /// The stage the build produces: the one the option <c>target</c> names (by name or index, as
    /// <c>docker build --target</c>), else the last stage; null when there is no stage.
    /// </summary>
    public static Stage? Built(DockerfileContext context)
        => context.Options.Get(ConfigurationOptions.Target) is { Length: > 0 } target
            ? ImageUses.FindStage(context.Model, target) ?? context.Model.FinalStage
            : context.Model.FinalStage;

    /// <summary>A description of a stage for messages: <c>'build'</c> or <c>0</c> when unnamed.</summary>
    public static string Describe(Stage stage) => stage.From.StageName is { } name ? $"'{name.Text}'" : $"{stage.Index} (unnamed)";
}
