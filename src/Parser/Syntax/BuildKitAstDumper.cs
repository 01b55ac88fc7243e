using System.Globalization;
using System.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// Writes a tree in the s-expression format of BuildKit's <c>Node.Dump()</c>, one line per
/// instruction, e.g. <c>(copy ["--from=build"] "a" "/b")</c>. Used to compare our parse with
/// BuildKit's own parser test files.
/// </summary>
public static class BuildKitAstDumper
{
    /// <summary>The dump of every top-level instruction, each line ending with a newline.</summary>
    public static string Dump(DockerfileSyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var instruction in tree.Root.Instructions)
        {
            builder.Append('(').Append(Dump(instruction)).Append(")\n");
        }

        return builder.ToString();
    }

    /// <summary>The dump of one instruction, without the outer parentheses.</summary>
    public static string Dump(InstructionSyntax instruction)
    {
        var builder = new StringBuilder();
        builder.Append(instruction.Keyword.Value.ToLowerInvariant());
        if (!instruction.Flags.IsEmpty)
        {
            builder.Append(" [");
            for (var i = 0; i < instruction.Flags.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(Quote(instruction.Flags[i].ProcessedText));
            }

            builder.Append(']');
        }

        if (instruction.Trigger is not null)
        {
            builder.Append(" (").Append(Dump(instruction.Trigger)).Append(')');
        }
        else if (instruction.Kind == InstructionKind.Unknown)
        {
            builder.Append(" \"\"");
        }
        else if (instruction.Kind is InstructionKind.Env or InstructionKind.Label)
        {
            foreach (var pair in instruction.KeyValues)
            {
                builder.Append(' ').Append(Quote(pair.Key.Text))
                    .Append(' ').Append(Quote(pair.Value.Text))
                    .Append(' ').Append(Quote(pair.HasEquals ? "=" : ""));
            }
        }
        else
        {
            foreach (var value in instruction.Arguments)
            {
                builder.Append(' ').Append(Quote(value.Text));
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Quotes like Go's <c>strconv.Quote</c>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            int rune = c;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rune = char.ConvertToUtf32(c, value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append("\\ufffd");
                continue;
            }

            switch (rune)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\a': builder.Append("\\a"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\v': builder.Append("\\v"); continue;
            }

            if (IsPrint(rune))
            {
                builder.Append(char.ConvertFromUtf32(rune));
            }
            else if (rune < 0x80)
            {
                builder.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (rune < 0x10000)
            {
                builder.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsPrint(int rune)
    {
        if (rune == ' ')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }
}
