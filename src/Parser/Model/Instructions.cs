using System.Collections.Immutable;
using DockerLint.Parser.Images;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Model;

/// <summary>
/// An instruction of the typed model: the syntax it was read from, the stage it belongs to and
/// the variables in scope before it. Derived classes expose the instruction's typed parts.
/// </summary>
public abstract class Instruction
{
    private protected Instruction(InstructionSyntax syntax, VariableScope scope)
    {
        Syntax = syntax;
        Scope = scope;
    }

    /// <summary>The syntax node.</summary>
    public InstructionSyntax Syntax { get; }

    /// <summary>Which instruction.</summary>
    public InstructionKind Kind => Syntax.Kind;

    /// <summary>The stage the instruction is in; null for instructions before the first FROM.</summary>
    public Stage? Stage { get; internal set; }

    /// <summary>The ONBUILD this is the trigger of, if any.</summary>
    public OnbuildInstruction? Onbuild { get; internal set; }

    /// <summary>True for an ONBUILD trigger (it runs in builds based on this image, not in this one).</summary>
    public bool IsTrigger => Onbuild is not null;

    /// <summary>The variables in scope before this instruction.</summary>
    public VariableScope Scope { get; }

    /// <summary>The instruction's span.</summary>
    public TextSpan Span => Syntax.Span;

    /// <summary>The keyword's span (a good place to report about the whole instruction).</summary>
    public TextSpan KeywordSpan => Syntax.Keyword.Span;

    /// <inheritdoc />
    public override string ToString() => Syntax.ToString();
}

/// <summary>A flag value expanded with the variables in scope.</summary>
/// <param name="Flag">The flag as written.</param>
/// <param name="Value">Its value expanded (null for a bare boolean flag).</param>
public sealed record ExpandedFlag(FlagSyntax Flag, ExpandedWord? Value);

/// <summary>What a FROM or COPY --from refers to.</summary>
public enum ImageSourceKind
{
    /// <summary>An image from a registry.</summary>
    Image,
    /// <summary>An earlier stage of this Dockerfile.</summary>
    Stage,
    /// <summary>The empty image <c>scratch</c>.</summary>
    Scratch,
    /// <summary>The reference depends on a variable whose value is unknown.</summary>
    Unknown,
    /// <summary>The reference is not a valid image reference.</summary>
    Invalid,
}

/// <summary><c>FROM [--platform=…] image [AS name]</c>.</summary>
public sealed class FromInstruction : Instruction
{
    internal FromInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The image word, expanded with the global ARGs; null when missing.</summary>
    public ExpandedWord? ImageText { get; internal set; }

    /// <summary>The parsed reference when the image is known and valid (also for stage names that parse).</summary>
    public ImageReference? Image { get; internal set; }

    /// <summary>What the FROM refers to.</summary>
    public ImageSourceKind SourceKind { get; internal set; }

    /// <summary>The earlier stage this FROM builds on, when <see cref="SourceKind"/> is <see cref="ImageSourceKind.Stage"/>.</summary>
    public Stage? BaseStage { get; internal set; }

    /// <summary><c>--platform</c>, expanded.</summary>
    public ExpandedFlag? Platform { get; internal set; }

    /// <summary>The <c>AS</c> name as written; null when the stage is unnamed.</summary>
    public SyntaxValue? StageName { get; internal set; }

    /// <summary>The source span of an image reference part (exact when the image is written literally).</summary>
    public TextSpan SpanOf(ImageReferencePart part)
        => ImageText is null ? KeywordSpan : ImageText.GetSpan(part.Start, part.Length);
}

/// <summary>Common shape of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD: exec form or shell form.</summary>
public abstract class CommandInstruction : Instruction
{
    private protected CommandInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>True for the JSON (exec) form.</summary>
    public bool IsExecForm => Syntax.IsExecForm;

    /// <summary>The shell-form command line (continuations removed); null in exec form or when empty.</summary>
    public SyntaxValue? ShellCommand { get; internal set; }

    /// <summary>The exec-form arguments (decoded JSON strings); empty in shell form.</summary>
    public ImmutableArray<SyntaxValue> ExecArguments { get; internal set; } = [];
}

/// <summary><c>RUN</c>, with its mounts, network and security modes and heredocs.</summary>
public sealed class RunInstruction : CommandInstruction
{
    internal RunInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The <c>--mount</c> flags, parsed.</summary>
    public ImmutableArray<RunMount> Mounts { get; internal set; } = [];

    /// <summary><c>--network</c> (default, none, host).</summary>
    public ExpandedFlag? Network { get; internal set; }

    /// <summary><c>--security</c> (sandbox, insecure).</summary>
    public ExpandedFlag? Security { get; internal set; }

    /// <summary><c>--device</c> flags.</summary>
    public ImmutableArray<ExpandedFlag> Devices { get; internal set; } = [];

    /// <summary>The heredocs (scripts or files fed to the command).</summary>
    public ImmutableArray<HeredocSyntax> Heredocs => Syntax.Heredocs;
}

/// <summary><c>CMD</c>.</summary>
public sealed class CmdInstruction : CommandInstruction
{
    internal CmdInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }
}

/// <summary><c>ENTRYPOINT</c>.</summary>
public sealed class EntrypointInstruction : CommandInstruction
{
    internal EntrypointInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }
}

/// <summary><c>SHELL ["executable", "parameters"]</c>.</summary>
public sealed class ShellInstruction : CommandInstruction
{
    internal ShellInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }
}

/// <summary>Common shape of COPY and ADD.</summary>
public abstract class FileTransferInstruction : Instruction
{
    private protected FileTransferInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The sources, expanded (heredoc markers included as written).</summary>
    public ImmutableArray<ExpandedWord> Sources { get; internal set; } = [];

    /// <summary>The destination, expanded; null when missing.</summary>
    public ExpandedWord? Destination { get; internal set; }

    /// <summary><c>--chown</c>.</summary>
    public ExpandedFlag? Chown { get; internal set; }

    /// <summary><c>--chmod</c>.</summary>
    public ExpandedFlag? Chmod { get; internal set; }

    /// <summary><c>--link</c> (true when given without a value or with <c>true</c>).</summary>
    public bool Link { get; internal set; }

    /// <summary><c>--exclude</c> patterns.</summary>
    public ImmutableArray<ExpandedFlag> Excludes { get; internal set; } = [];

    /// <summary>Heredocs used as inline source files.</summary>
    public ImmutableArray<HeredocSyntax> Heredocs => Syntax.Heredocs;
}

/// <summary><c>COPY</c>.</summary>
public sealed class CopyInstruction : FileTransferInstruction
{
    internal CopyInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary><c>--from</c>, expanded.</summary>
    public ExpandedFlag? From { get; internal set; }

    /// <summary>What <c>--from</c> refers to (null without <c>--from</c>).</summary>
    public ImageSourceKind? FromKind { get; internal set; }

    /// <summary>The stage <c>--from</c> names (by name or index).</summary>
    public Stage? FromStage { get; internal set; }

    /// <summary>The image <c>--from</c> names, when it is an image reference.</summary>
    public ImageReference? FromImage { get; internal set; }

    /// <summary><c>--parents</c>.</summary>
    public bool Parents { get; internal set; }
}

/// <summary><c>ADD</c>.</summary>
public sealed class AddInstruction : FileTransferInstruction
{
    internal AddInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary><c>--checksum</c>.</summary>
    public ExpandedFlag? Checksum { get; internal set; }

    /// <summary><c>--keep-git-dir</c>.</summary>
    public bool KeepGitDir { get; internal set; }

    /// <summary><c>--unpack</c> as written (null when absent).</summary>
    public bool? Unpack { get; internal set; }
}

/// <summary>A port of EXPOSE: <c>80</c>, <c>53/udp</c>, <c>8000-8010/tcp</c>.</summary>
/// <param name="Word">The word it was read from (one word may hold several ports after expansion).</param>
/// <param name="Text">The port text after expansion; null when unknown.</param>
/// <param name="Start">First port; null when unknown or invalid.</param>
/// <param name="End">Last port (equal to <paramref name="Start"/> for a single port).</param>
/// <param name="Protocol">tcp (default), udp or sctp, lower case; null when unknown.</param>
public sealed record ExposedPort(ExpandedWord Word, string? Text, int? Start, int? End, string? Protocol)
{
    /// <summary>True when the port numbers and protocol are known.</summary>
    public bool IsKnown => Start is not null && Protocol is not null;
}

/// <summary><c>EXPOSE</c>.</summary>
public sealed class ExposeInstruction : Instruction
{
    internal ExposeInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The ports, in order.</summary>
    public ImmutableArray<ExposedPort> Ports { get; internal set; } = [];
}

/// <summary>A name/value pair of ENV or LABEL, with the value expanded.</summary>
/// <param name="Syntax">The pair as written.</param>
/// <param name="Key">The key, expanded (LABEL keys may hold variables; ENV keys are taken literally).</param>
/// <param name="Value">The value, expanded.</param>
public sealed record ExpandedPair(KeyValueSyntax Syntax, ExpandedWord Key, ExpandedWord Value);

/// <summary><c>ENV</c>.</summary>
public sealed class EnvInstruction : Instruction
{
    internal EnvInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The pairs, in order.</summary>
    public ImmutableArray<ExpandedPair> Pairs { get; internal set; } = [];
}

/// <summary><c>LABEL</c>.</summary>
public sealed class LabelInstruction : Instruction
{
    internal LabelInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The pairs, in order.</summary>
    public ImmutableArray<ExpandedPair> Pairs { get; internal set; } = [];
}

/// <summary>One name of an ARG, with its default.</summary>
/// <param name="Name">The name.</param>
/// <param name="NameSpan">Where the name is written.</param>
/// <param name="Default">The default value, expanded; null when there is no <c>=</c>.</param>
/// <param name="Syntax">The whole word.</param>
public sealed record ArgDeclaration(string Name, TextSpan NameSpan, ExpandedWord? Default, SyntaxValue Syntax);

/// <summary><c>ARG</c>.</summary>
public sealed class ArgInstruction : Instruction
{
    internal ArgInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The declarations, in order.</summary>
    public ImmutableArray<ArgDeclaration> Declarations { get; internal set; } = [];

    /// <summary>True for an ARG before the first FROM (usable in FROM lines).</summary>
    public bool IsGlobal => Stage is null && !IsTrigger;
}

/// <summary><c>HEALTHCHECK NONE</c> or <c>HEALTHCHECK [options] CMD command</c>.</summary>
public sealed class HealthcheckInstruction : CommandInstruction
{
    internal HealthcheckInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>True for <c>HEALTHCHECK NONE</c> (turns off a base image's check).</summary>
    public bool IsNone { get; internal set; }

    /// <summary>The type word (<c>CMD</c> or <c>NONE</c>) as written.</summary>
    public SyntaxValue? Type { get; internal set; }

    /// <summary><c>--interval</c>, parsed; null when absent or invalid.</summary>
    public TimeSpan? Interval { get; internal set; }

    /// <summary><c>--timeout</c>.</summary>
    public TimeSpan? Timeout { get; internal set; }

    /// <summary><c>--start-period</c>.</summary>
    public TimeSpan? StartPeriod { get; internal set; }

    /// <summary><c>--start-interval</c>.</summary>
    public TimeSpan? StartInterval { get; internal set; }

    /// <summary><c>--retries</c>.</summary>
    public int? Retries { get; internal set; }
}

/// <summary><c>USER user[:group]</c>.</summary>
public sealed class UserInstruction : Instruction
{
    internal UserInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The whole argument, expanded.</summary>
    public ExpandedWord? Argument { get; internal set; }

    /// <summary>The user (name or numeric id) when known.</summary>
    public string? User { get; internal set; }

    /// <summary>The group when given and known.</summary>
    public string? Group { get; internal set; }

    /// <summary>Span of the user part (exact when written literally).</summary>
    public TextSpan UserSpan { get; internal set; }

    /// <summary>Span of the group part, empty when there is none.</summary>
    public TextSpan GroupSpan { get; internal set; }
}

/// <summary><c>WORKDIR path</c>.</summary>
public sealed class WorkdirInstruction : Instruction
{
    internal WorkdirInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The path, expanded.</summary>
    public ExpandedWord? Path { get; internal set; }
}

/// <summary><c>VOLUME</c>.</summary>
public sealed class VolumeInstruction : Instruction
{
    internal VolumeInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The paths, expanded.</summary>
    public ImmutableArray<ExpandedWord> Paths { get; internal set; } = [];
}

/// <summary><c>STOPSIGNAL</c>.</summary>
public sealed class StopSignalInstruction : Instruction
{
    internal StopSignalInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The signal, expanded.</summary>
    public ExpandedWord? Signal { get; internal set; }
}

/// <summary><c>MAINTAINER</c> (deprecated).</summary>
public sealed class MaintainerInstruction : Instruction
{
    internal MaintainerInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The maintainer text.</summary>
    public SyntaxValue? Name => Syntax.Arguments.IsEmpty ? null : Syntax.Arguments[0];
}

/// <summary><c>ONBUILD instruction</c>.</summary>
public sealed class OnbuildInstruction : Instruction
{
    internal OnbuildInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }

    /// <summary>The trigger instruction, typed.</summary>
    public Instruction? Trigger { get; internal set; }
}

/// <summary>An instruction BuildKit does not know.</summary>
public sealed class UnknownInstruction : Instruction
{
    internal UnknownInstruction(InstructionSyntax syntax, VariableScope scope) : base(syntax, scope)
    {
    }
}
