using System.Text;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Cli;

/// <summary>Prints a merged Compose project as indented YAML-like text, each value with the file and position it came from.</summary>
internal static class ComposePrinter
{
    public static string Print(ComposeProject project)
    {
        var interpolation = project.Interpolation;
        var builder = new StringBuilder();
        builder.Append("# files: ").Append(string.Join(", ", project.Files.Select(f => f.Source.Path))).Append('\n');
        Write(project.Root, 0, builder, interpolation, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        return builder.ToString();
    }

    private static void Write(YamlNode node, int depth, StringBuilder builder, IComposeInterpolation interpolation, HashSet<YamlNode> path)
    {
        var indent = new string(' ', depth * 2);
        if (!path.Add(node))
        {
            builder.Append(indent).Append("<recursive alias>\n");
            return;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    builder.Append(indent).Append(entry.Key.Value).Append(':');
                    if (entry.Value is YamlScalar scalar)
                    {
                        builder.Append(' ').Append(Scalar(scalar, interpolation)).Append("  # ").Append(Origin(scalar)).Append('\n');
                    }
                    else
                    {
                        builder.Append("  # ").Append(Origin(entry.Key)).Append('\n');
                        Write(entry.Value, depth + 1, builder, interpolation, path);
                    }
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar scalar)
                    {
                        builder.Append(indent).Append("- ").Append(Scalar(scalar, interpolation)).Append("  # ").Append(Origin(scalar)).Append('\n');
                    }
                    else
                    {
                        builder.Append(indent).Append("-  # ").Append(Origin(item)).Append('\n');
                        Write(item, depth + 1, builder, interpolation, path);
                    }
                }

                break;
            case YamlScalar scalar:
                builder.Append(indent).Append(Scalar(scalar, interpolation)).Append("  # ").Append(Origin(scalar)).Append('\n');
                break;
        }

        path.Remove(node);
    }

    private static string Scalar(YamlScalar scalar, IComposeInterpolation interpolation)
    {
        var value = interpolation.Resolve(scalar);
        var shown = value.Value is { } v ? Quote(v) : "<unknown: " + string.Concat(value.Segments.Select(s => s.IsUnknown ? "{" + s.Text + "}" : s.Text)) + ">";
        return value.Raw == value.Value ? shown : $"{shown} (written {Quote(value.Raw)})";
    }

    private static string Quote(string value)
        => value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is ':' or '#' or '"' or '\'') ? "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;

    private static string Origin(YamlNode node)
    {
        var start = node.LineSpan.StartLinePosition;
        return $"{node.Source.Path}:{start.Line + 1}:{start.Character + 1}";
    }
}
