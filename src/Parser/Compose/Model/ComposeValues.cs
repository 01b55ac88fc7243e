using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Model;

/// <summary>A piece of an interpolated value: literal text, or a part that depends on an unknown variable.</summary>
/// <param name="Text">The literal text, or the expression as written for an unknown part.</param>
/// <param name="IsUnknown">True for a part whose value cannot be known.</param>
public readonly record struct ComposeSegment(string Text, bool IsUnknown);

/// <summary>Where an interpolated value comes from.</summary>
public enum ComposeValueOrigin
{
    /// <summary>Written in the file: no variable is involved.</summary>
    Written,

    /// <summary>A default written in the file (<c>${X:-value}</c>), used because the variable is not set.</summary>
    Default,

    /// <summary>A variable's value: the explicit environment or the project's env file.</summary>
    Environment,
}

/// <summary>
/// A scalar of a Compose file as written and after interpolation. When a variable's value cannot
/// be known the value is null and <see cref="Segments"/> tells which parts are literal, so
/// <c>${PORT}:80</c> reads as "unknown host port, container port 80".
/// </summary>
public sealed class ComposeString
{
    /// <summary>Creates a value.</summary>
    public ComposeString(YamlNode node, string raw, string? value, ImmutableArray<ComposeSegment> segments, ComposeValueOrigin origin = ComposeValueOrigin.Written, TextSpan? span = null)
    {
        Node = node;
        _span = span;
        Raw = raw;
        Value = value;
        Origin = origin;
        _segments = segments;
    }

    /// <summary>A value that needs no interpolation.</summary>
    public static ComposeString Literal(YamlNode node, string text) => new(node, text, text, default);

    /// <summary>The node the value was written as.</summary>
    public YamlNode Node { get; }

    /// <summary>The scalar as written.</summary>
    public string Raw { get; }

    /// <summary>The interpolated value; null when unknown.</summary>
    public string? Value { get; }

    /// <summary>True when the value is known.</summary>
    public bool IsKnown => Value is not null;

    /// <summary>Whether the value is written in the file, a default written in the file, or a variable's value.</summary>
    public ComposeValueOrigin Origin { get; }

    /// <summary>Literal and unknown parts of the value.</summary>
    public ImmutableArray<ComposeSegment> Segments
    {
        get
        {
            // A known value's one literal part is made on first read (most values are never asked for
            // their parts); the same array is returned to every reader, from any thread.
            if (_segments.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _segments, Value is null ? [] : [new ComposeSegment(Value, false)]);
            }

            return _segments;
        }
    }

    private ImmutableArray<ComposeSegment> _segments;

    /// <summary>True when the node is a YAML null (written as nothing, <c>~</c> or <c>null</c>).</summary>
    public bool IsNull => Node is YamlScalar { IsNull: true };

    /// <summary>Where the value was written.</summary>
    public TextSpan Span => _span ?? Node.Span;

    private readonly TextSpan? _span;

    /// <summary>A location for diagnostics.</summary>
    public Location Location => Node.Source.GetLocation(Span);

    /// <summary>The source span of part of the value: exact when the value is the text as written in a plain or quoted scalar without escapes, else the whole node.</summary>
    public TextSpan GetSpan(int start, int length)
    {
        if (Value is null || Value != Raw || start < 0 || length < 0 || start + length > Value.Length || Node is not YamlScalar scalar)
        {
            return Span;
        }

        var written = scalar.Source.Text.ToString(scalar.Span);
        var offset = scalar.Style switch
        {
            YamlScalarStyle.Plain when written == Raw => 0,
            YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted when written.Length == Raw.Length + 2 && written[1..^1] == Raw => 1,
            _ => -1,
        };
        return offset < 0 ? Span : new TextSpan(Node.Span.Start + offset + start, length);
    }

    /// <summary>The value as a boolean (YAML true/false, or the strings true/false after interpolation); null when unknown or not a boolean.</summary>
    public bool? AsBool() => Value?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The value as an integer; null when unknown or not an integer.</summary>
    public long? AsInteger()
        => Value is not null && long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Concat(Segments.Select(s => s.Text));
}

/// <summary>A <c>KEY=VALUE</c> entry of a list-or-mapping field (environment, labels, build.args, sysctls …).</summary>
/// <param name="Key">The key.</param>
/// <param name="KeyNode">Where the key is written (the mapping key, or the list item).</param>
/// <param name="Value">The value; null for <c>KEY</c> alone or <c>KEY:</c> with no value (taken from the environment at run time).</param>
/// <param name="Node">The list item or the mapping value node.</param>
public sealed record ComposeKeyValue(string Key, YamlNode KeyNode, ComposeString? Value, YamlNode Node);

/// <summary>Turns YAML scalars into <see cref="ComposeString"/>s: interpolation with the project's environment.</summary>
public interface IComposeInterpolation
{
    /// <summary>Interpolates one scalar.</summary>
    ComposeString Resolve(YamlScalar scalar);
}

/// <summary>An interpolation that keeps every value as written (for files read without an environment).</summary>
public sealed class NoInterpolation : IComposeInterpolation
{
    /// <summary>The single instance.</summary>
    public static NoInterpolation Instance { get; } = new();

    /// <inheritdoc />
    public ComposeString Resolve(YamlScalar scalar) => ComposeString.Literal(scalar, scalar.Value);
}
