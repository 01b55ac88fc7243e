using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Model;

/// <summary>
/// A mapping of a Compose file read through the project's interpolation: typed accessors for
/// its keys, each value keeping the node it was written as.
/// </summary>
public abstract class ComposeElement
{
    private protected ComposeElement(YamlMapping node, IComposeInterpolation interpolation)
    {
        Node = node;
        Interpolation = interpolation;
    }

    /// <summary>The mapping.</summary>
    public YamlMapping Node { get; }

    private protected IComposeInterpolation Interpolation { get; }

    /// <summary>The entry of a key (to report on the key itself), or null.</summary>
    public YamlEntry? Entry(string key) => Node.GetEntry(key);

    /// <summary>The <c>x-</c> extension keys of this mapping.</summary>
    public IEnumerable<YamlEntry> Extensions => Node.Entries.Where(e => e.Key.Value.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>A scalar value, interpolated; null when absent or not a scalar.</summary>
    private protected ComposeString? String(string key) => Str(Node[key]);

    private protected ComposeString? Str(YamlNode? node) => node is YamlScalar scalar ? Interpolation.Resolve(scalar) : null;

    private protected bool? Bool(string key) => String(key)?.AsBool();

    private protected YamlMapping? Mapping(string key) => Node[key] as YamlMapping;

    /// <summary>A list of scalars; a single scalar counts as a one-item list (e.g. <c>env_file: .env</c>).</summary>
    private protected ImmutableArray<ComposeString> Strings(YamlNode? node) => node switch
    {
        YamlSequence sequence => [.. sequence.Items.OfType<YamlScalar>().Select(Interpolation.Resolve)],
        YamlScalar { IsNull: false } scalar => [Interpolation.Resolve(scalar)],
        _ => [],
    };

    /// <summary>A list-or-mapping field: <c>- KEY=VALUE</c> items, or <c>KEY: VALUE</c> entries.</summary>
    private protected ImmutableArray<ComposeKeyValue> KeyValues(YamlNode? node, char separator = '=')
    {
        // Most of these fields are absent: no builder for them.
        var count = node switch
        {
            YamlMapping m => m.Entries.Length,
            YamlSequence q => q.Items.Length,
            _ => 0,
        };
        if (count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposeKeyValue>(count);
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    var value = entry.Value is YamlScalar { IsNull: true } ? null : Str(entry.Value);
                    builder.Add(new ComposeKeyValue(entry.Key.Value, entry.Key, value, entry.Value));
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items.OfType<YamlScalar>())
                {
                    var resolved = Interpolation.Resolve(item);
                    var text = resolved.Value ?? resolved.Raw;
                    var at = text.IndexOf(separator);
                    if (at < 0)
                    {
                        builder.Add(new ComposeKeyValue(text, item, null, item));
                        continue;
                    }

                    // KEY=VALUE in one string: the value is what follows the separator, and its span is
                    // the written text after the separator when that can be located exactly.
                    var valueText = text[(at + 1)..];
                    var rawAt = resolved.Raw.IndexOf(separator);
                    TextSpan? span = rawAt < 0 || rawAt + 1 >= resolved.Raw.Length
                        ? null
                        : ComposeString.Literal(item, resolved.Raw).GetSpan(rawAt + 1, resolved.Raw.Length - rawAt - 1);
                    var value = resolved.IsKnown
                        ? new ComposeString(item, resolved.Raw, valueText, default, resolved.Origin, span)
                        : new ComposeString(item, resolved.Raw, null, resolved.Segments, resolved.Origin, span);
                    builder.Add(new ComposeKeyValue(text[..at], item, value, item));
                }

                break;
        }

        return builder.DrainToImmutable();
    }
}

/// <summary>A command or entrypoint: a string (run by a shell) or a list (exec form).</summary>
/// <param name="Node">Where it is written.</param>
/// <param name="IsList">True for the list form.</param>
/// <param name="Items">The list items, or the single string.</param>
public sealed record ComposeCommand(YamlNode Node, bool IsList, ImmutableArray<ComposeString> Items);
