using System.Globalization;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// Numbers the shapes (see <see cref="ComposeSchemaMemo"/>) of a YAML document's values straight from
/// its nodes, as the JSON value <see cref="ComposeJsonDocument"/> would be made of them: scalars typed
/// by <see cref="YamlCoreSchema"/>, keys as strings, entries and items tagged <c>!reset</c> left out.
/// So a document whose verdict the memo already knows is never converted to JSON at all; when it must
/// be, the conversion takes the numbers from here (<see cref="InPostOrder"/>: one per value, children
/// before their parent, in the order the conversion makes them) instead of numbering again.
/// <para>
/// A value's shape is the number the memo gives its key: the type and text of a scalar
/// (<c>n</c>, <c>t</c>, <c>f</c>, <c>i</c>+integer, <c>u</c>+unsigned, <c>d</c>+float, <c>s</c>+text), the
/// keys and children's shapes of a mapping (<c>{</c>, then <c>length:key shape,</c> per entry), the
/// items' shapes of a list (<c>[</c>, then <c>shape,</c> per item). A value with a child the memo has no
/// number for (it is full) has none either. One instance per thread, reused.
/// </para>
/// </summary>
internal sealed class ComposeValueShapes
{
    /// <summary>The tag of entries and items compose-go removes before validating.</summary>
    public const string ResetTag = "!reset";

    [ThreadStatic]
    private static ComposeValueShapes? s_free;

    private readonly List<int> _postOrder = [];
    private readonly List<(string? Key, int Shape)> _children = [];
    private ComposeSchemaMemo _memo = null!;
    private char[] _key = new char[256];
    private int _keyLength;

    private ComposeValueShapes()
    {
    }

    /// <summary>Every value's shape, children before their parent (the order <see cref="ComposeJsonDocument"/> converts them in).</summary>
    public IReadOnlyList<int> InPostOrder => _postOrder;

    /// <summary>Numbers the shapes of <paramref name="root"/>'s values in <paramref name="memo"/>; give it back with <see cref="Return"/>.</summary>
    public static ComposeValueShapes Number(YamlNode root, ComposeSchemaMemo memo)
    {
        var shapes = s_free ?? new ComposeValueShapes();
        s_free = null;
        shapes._memo = memo;
        shapes.RootShape = shapes.Visit(root);
        return shapes;
    }

    /// <summary>The shape of the document's root value.</summary>
    public int RootShape { get; private set; }

    /// <summary>Hands the instance back for the next document of this thread.</summary>
    public void Return()
    {
        _postOrder.Clear();
        _children.Clear();
        _memo = null!;
        if (_key.Length > 4096)
        {
            _key = new char[256];
        }

        s_free = this;
    }

    private int Visit(YamlNode node)
    {
        int shape;
        switch (node)
        {
            case YamlMapping mapping:
                var firstChild = _children.Count;
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value.Tag != ResetTag)
                    {
                        var valueShape = Visit(entry.Value);
                        _children.Add((entry.Key.Value, valueShape));
                    }
                }

                shape = CompositeShape('{', firstChild);
                break;
            case YamlSequence sequence:
                var firstItem = _children.Count;
                foreach (var item in sequence.Items)
                {
                    if (item.Tag != ResetTag)
                    {
                        var itemShape = Visit(item);
                        _children.Add((null, itemShape));
                    }
                }

                shape = CompositeShape('[', firstItem);
                break;
            case YamlScalar scalar:
                shape = ScalarShape(YamlCoreSchema.Resolve(scalar).Value);
                break;
            default:
                shape = ScalarShape(null);
                break;
        }

        _postOrder.Add(shape);
        return shape;
    }

    // The value as the JSON conversion keeps it (see ComposeJsonDocument.ToJValue): null, a boolean,
    // a 64-bit integer, an unsigned one, a double, or text (anything else becomes its text).
    private int ScalarShape(object? value)
    {
        _keyLength = 0;
        switch (value)
        {
            case null:
                Append('n');
                break;
            case bool b:
                Append(b ? 't' : 'f');
                break;
            case long l:
                Append('i');
                AppendFormatted(l);
                break;
            case ulong u:
                Append('u');
                AppendFormatted(u);
                break;
            case double d:
                Append('d');
                AppendFormatted(d);
                break;
            case string text:
                Append('s');
                Append(text);
                break;
            default:
                Append('s');
                Append(value.ToString() ?? "");
                break;
        }

        return _memo.Intern(_key.AsSpan(0, _keyLength));
    }

    /// <summary>The shape of a mapping or a list from its children's shapes (from <paramref name="first"/> on), which it takes off the stack.</summary>
    private int CompositeShape(char kind, int first)
    {
        _keyLength = 0;
        Append(kind);
        var shape = 0;
        for (var i = first; i < _children.Count; i++)
        {
            var (key, child) = _children[i];
            if (child == ComposeSchemaMemo.NoShape)
            {
                shape = ComposeSchemaMemo.NoShape;
                break;
            }

            if (key is not null)
            {
                AppendFormatted(key.Length);
                Append(':');
                Append(key);
            }

            AppendFormatted(child);
            Append(',');
        }

        _children.RemoveRange(first, _children.Count - first);
        return shape == ComposeSchemaMemo.NoShape ? shape : _memo.Intern(_key.AsSpan(0, _keyLength));
    }

    private void Append(char c)
    {
        Reserve(1);
        _key[_keyLength++] = c;
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += text.Length;
    }

    private void AppendFormatted<T>(T value)
        where T : ISpanFormattable
    {
        Reserve(32);
        value.TryFormat(_key.AsSpan(_keyLength), out var written, value is double ? "R" : default, CultureInfo.InvariantCulture);
        _keyLength += written;
    }

    private void Reserve(int length)
    {
        if (_keyLength + length > _key.Length)
        {
            Array.Resize(ref _key, Math.Max(_key.Length * 2, _keyLength + length));
        }
    }
}
