using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// Cuts a list item such as <c>- FOO=bar</c> into a key scalar and a value scalar when a merge
/// has to turn a list into a mapping. Both parts point at their own characters in the file when
/// the item is written plainly or quoted without escapes; otherwise both get the item's span.
/// </summary>
internal static class ScalarParts
{
    /// <summary>
    /// Splits <paramref name="item"/> at <paramref name="separator"/> (an index into its value, or -1
    /// when there is no value). A missing value is a null scalar; a present one is a string, so
    /// it is marked quoted and never read as null, a number or a boolean.
    /// </summary>
    public static YamlEntry Split(YamlScalar item, int separator)
    {
        var value = item.Value;
        var keyText = separator < 0 ? value : value[..separator];
        var origin = ValueOrigin(item);
        var keySpan = origin is { } at ? new TextSpan(at, keyText.Length) : item.Span;
        var key = new YamlScalar(item.Source, keySpan, keyText, YamlScalarStyle.Plain);
        if (separator < 0)
        {
            return new YamlEntry(key, Null(item.Source, keySpan.End));
        }

        var valueText = value[(separator + 1)..];
        var valueSpan = origin is { } start ? new TextSpan(start + separator + 1, valueText.Length) : item.Span;
        var style = item.Style == YamlScalarStyle.Plain ? YamlScalarStyle.DoubleQuoted : item.Style;
        return new YamlEntry(key, new YamlScalar(item.Source, valueSpan, valueText, style));
    }

    /// <summary>Splits at the first <c>=</c>.</summary>
    public static YamlEntry SplitAtEquals(YamlScalar item) => Split(item, item.Value.IndexOf('=', StringComparison.Ordinal));

    /// <summary>A null scalar (an empty plain value) at <paramref name="position"/>.</summary>
    public static YamlScalar Null(YamlSource source, int position) => new(source, new TextSpan(position, 0), "", YamlScalarStyle.Plain);

    /// <summary>A plain scalar made up by a merge, placed on the node it stands for.</summary>
    public static YamlScalar Synthetic(YamlNode at, string value) => new(at.Source, at.Span, value, YamlScalarStyle.Plain);

    // Where the first character of the value is in the file, when the value is the written text.
    private static int? ValueOrigin(YamlScalar item)
    {
        var span = item.Span;
        var text = item.Source.Text;
        if (span.End > text.Length)
        {
            return null;
        }

        var value = item.Value;
        switch (item.Style)
        {
            case YamlScalarStyle.Plain when span.Length == value.Length && text.ToString(span) == value:
                return span.Start;
            case YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted when span.Length == value.Length + 2
                && text.ToString(new TextSpan(span.Start + 1, value.Length)) == value:
                return span.Start + 1;
            default:
                return null;
        }
    }
}
