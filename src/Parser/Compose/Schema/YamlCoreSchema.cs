using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>The type a YAML scalar has once resolved.</summary>
public enum YamlValueType
{
    /// <summary><c>null</c>, <c>~</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An integer that fits in 64 bits (signed or unsigned).</summary>
    Integer,

    /// <summary>A floating-point number, <c>.inf</c> and <c>.nan</c> included.</summary>
    Float,

    /// <summary>Anything else.</summary>
    String,
}

/// <summary>A scalar's resolved value.</summary>
/// <param name="Type">Its type.</param>
/// <param name="Value">
/// <see langword="null"/>, a <see cref="bool"/>, a <see cref="long"/> or <see cref="ulong"/> (integers),
/// a <see cref="double"/> (floats) or a <see cref="string"/>.
/// </param>
public readonly record struct YamlValue(YamlValueType Type, object? Value);

/// <summary>
/// Types YAML scalars the way docker compose's YAML library (go-yaml v3/v4, the YAML 1.2 core
/// schema) does, so the file is checked as docker compose reads it:
/// <list type="bullet">
/// <item>quoted and block scalars are strings, unless tagged;</item>
/// <item>plain <c>true</c>/<c>True</c>/<c>TRUE</c> and <c>false</c>/... are booleans, <c>yes</c>/<c>on</c> are strings;</item>
/// <item>plain <c>null</c>/<c>Null</c>/<c>NULL</c>, <c>~</c> and an empty value are null;</item>
/// <item>integers in Go's notation after removing <c>_</c>: decimal, <c>0x</c>, <c>0o</c>, <c>0b</c>, and the
/// YAML 1.1 octal <c>0777</c>; too large for 64 bits they become floats;</item>
/// <item>floats (<c>1.5</c>, <c>1e3</c>, <c>.5</c>, <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>, <c>-0</c>);</item>
/// <item>anything else, timestamps and <c>22:22</c> included (no base-60 in YAML 1.2), is a string;</item>
/// <item>explicit tags <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>, <c>!!null</c> are honoured; a scalar with
/// any other tag (<c>!reset</c>, <c>!override</c>, <c>!!timestamp</c>, ...) keeps its text as a string.</item>
/// </list>
/// </summary>
public static partial class YamlCoreSchema
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>Resolves a scalar to its value.</summary>
    public static YamlValue Resolve(YamlScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var tag = ShortTag(scalar.Tag);
        if (tag is null)
        {
            return scalar.IsPlain ? ResolvePlain(scalar.Value) : new YamlValue(YamlValueType.String, scalar.Value);
        }

        switch (tag)
        {
            case "!!str":
                return new YamlValue(YamlValueType.String, scalar.Value);
            case "!!int" or "!!float" or "!!bool" or "!!null":
                var resolved = ResolvePlain(scalar.Value);
                if (tag == "!!float" && resolved.Type == YamlValueType.Integer)
                {
                    return new YamlValue(YamlValueType.Float, Convert.ToDouble(resolved.Value, CultureInfo.InvariantCulture));
                }

                var wanted = tag switch
                {
                    "!!int" => YamlValueType.Integer,
                    "!!float" => YamlValueType.Float,
                    "!!bool" => YamlValueType.Boolean,
                    _ => YamlValueType.Null,
                };

                // go-yaml refuses a value that does not fit its tag; the text is kept so that the
                // schema still sees the value and reports it where a number or boolean is required.
                return resolved.Type == wanted ? resolved : new YamlValue(YamlValueType.String, scalar.Value);
            default:
                return new YamlValue(YamlValueType.String, scalar.Value);
        }
    }

    /// <summary>Resolves the text of an untagged plain scalar.</summary>
    public static YamlValue ResolvePlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new YamlValue(YamlValueType.Null, null);
            case "true" or "True" or "TRUE":
                return new YamlValue(YamlValueType.Boolean, true);
            case "false" or "False" or "FALSE":
                return new YamlValue(YamlValueType.Boolean, false);
            case ".nan" or ".NaN" or ".NAN":
                return new YamlValue(YamlValueType.Float, double.NaN);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new YamlValue(YamlValueType.Float, double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new YamlValue(YamlValueType.Float, double.NegativeInfinity);
            case "-0" or "-0.0":
                return new YamlValue(YamlValueType.Float, -0.0);
        }

        var first = text[0];
        if (first == '.')
        {
            return DotFloat().IsMatch(text) && TryParseFloat(text, out var d)
                ? new YamlValue(YamlValueType.Float, d)
                : new YamlValue(YamlValueType.String, text);
        }

        if (first is not ('+' or '-' or (>= '0' and <= '9')))
        {
            return new YamlValue(YamlValueType.String, text);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInteger(plain, out var integer))
        {
            if (integer >= long.MinValue && integer <= long.MaxValue)
            {
                return new YamlValue(YamlValueType.Integer, (long)integer);
            }

            if (integer > 0 && integer <= ulong.MaxValue)
            {
                return new YamlValue(YamlValueType.Integer, (ulong)integer);
            }
        }

        if (YamlFloat().IsMatch(plain) && TryParseFloat(plain, out var number))
        {
            return new YamlValue(YamlValueType.Float, number);
        }

        return new YamlValue(YamlValueType.String, text);
    }

    /// <summary>Short form of a YAML tag: <c>tag:yaml.org,2002:str</c> becomes <c>!!str</c>.</summary>
    private static string? ShortTag(string? tag)
        => tag is null ? null : tag.StartsWith(TagPrefix, StringComparison.Ordinal) ? "!!" + tag[TagPrefix.Length..] : tag;

    /// <summary>Go's <c>strconv.ParseInt(s, 0, ...)</c> syntax: sign, then a decimal, 0x, 0o, 0b or leading-0 octal number.</summary>
    private static bool TryParseGoInteger(string s, out BigInteger value)
    {
        value = BigInteger.Zero;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var radix = 10;
        if (s.Length - i >= 2 && s[i] == '0')
        {
            switch (s[i + 1])
            {
                case 'x' or 'X':
                    radix = 16;
                    i += 2;
                    break;
                case 'o' or 'O':
                    radix = 8;
                    i += 2;
                    break;
                case 'b' or 'B':
                    radix = 2;
                    i += 2;
                    break;
                default:
                    radix = 8;
                    i += 1;
                    break;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        for (; i < s.Length; i++)
        {
            var digit = s[i] switch
            {
                >= '0' and <= '9' => s[i] - '0',
                >= 'a' and <= 'f' => s[i] - 'a' + 10,
                >= 'A' and <= 'F' => s[i] - 'A' + 10,
                _ => int.MaxValue,
            };
            if (digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
            if (value > ulong.MaxValue)
            {
                return false;
            }
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static bool TryParseFloat(string s, out double value)
        => double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value);

    [GeneratedRegex(@"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^\.[0-9]+(?:[eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotFloat();
}
