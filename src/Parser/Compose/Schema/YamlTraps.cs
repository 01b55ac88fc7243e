using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>
/// Finds values that YAML 1.1 parsers (PyYAML, the old docker-compose, many editors and CI tools)
/// read differently from docker compose's YAML 1.2 parser, on the exact scalar:
/// <list type="bullet">
/// <item><b>DC0040</b>: a plain <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c>/<c>y</c>/<c>n</c>/<c>true</c>/<c>false</c> (any case) as a
/// value of the mapping form of a service's <c>environment</c>, <c>labels</c>, <c>build.args</c>,
/// <c>build.labels</c> or <c>deploy.labels</c>, or of a network's, volume's, secret's or config's
/// <c>labels</c>. These are strings for the container, and a YAML 1.1 reader turns them into
/// <c>True</c>/<c>False</c>. The list form (<c>- KEY=yes</c>) is one string and is not flagged.</item>
/// <item><b>DC0041</b>: a plain item of a service's <c>ports</c> or <c>expose</c> list that YAML 1.1 reads
/// as a base-60 integer: digits, then one or more <c>:</c> groups of 0–59 (<c>22:22</c>, <c>5:30</c>,
/// <c>2222:22</c>, the first part not starting with 0). <c>8080:80</c> is not one: 80 is not a base-60 digit.</item>
/// </list>
/// Quoted and tagged scalars are never flagged. Values reached through an alias or merge key are
/// reported once, where they are written.
/// </summary>
public static partial class YamlTraps
{
    private static readonly string[] s_resourceSections = ["networks", "volumes", "secrets", "configs"];

    /// <summary>Finds the traps in one Compose document.</summary>
    /// <returns>DC0040 and DC0041 warnings, in the order of their position in the file.</returns>
    public static ImmutableArray<Diagnostic> Find(YamlNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document is not YamlMapping root)
        {
            return [];
        }

        var found = new Dictionary<(int, int), Diagnostic>();
        if (root["services"] is YamlMapping services)
        {
            foreach (var entry in services.Entries)
            {
                if (entry.Value is YamlMapping service)
                {
                    FindInService(service, found);
                }
            }
        }

        foreach (var section in s_resourceSections)
        {
            if (root[section] is YamlMapping resources)
            {
                foreach (var entry in resources.Entries)
                {
                    if (entry.Value is YamlMapping resource)
                    {
                        CheckBooleans(resource["labels"], found);
                    }
                }
            }
        }

        return [.. found.Values.OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>True when a YAML 1.1 parser reads the text of a plain scalar as a boolean.</summary>
    public static bool IsYaml11Boolean(string text) => Yaml11Boolean().IsMatch(text);

    /// <summary>True when a YAML 1.1 parser reads the text of a plain scalar as a base-60 integer.</summary>
    public static bool IsYaml11Sexagesimal(string text) => Yaml11Sexagesimal().IsMatch(text);

    private static void FindInService(YamlMapping service, Dictionary<(int, int), Diagnostic> found)
    {
        CheckBooleans(service["environment"], found);
        CheckBooleans(service["labels"], found);
        if (service["build"] is YamlMapping build)
        {
            CheckBooleans(build["args"], found);
            CheckBooleans(build["labels"], found);
        }

        if (service["deploy"] is YamlMapping deploy)
        {
            CheckBooleans(deploy["labels"], found);
        }

        CheckPorts(service["ports"], found);
        CheckPorts(service["expose"], found);
    }

    private static void CheckBooleans(YamlNode? node, Dictionary<(int, int), Diagnostic> found)
    {
        if (node is not YamlMapping mapping)
        {
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar { IsPlain: true, Tag: null } scalar && IsYaml11Boolean(scalar.Value))
            {
                Add(found, ComposeDiagnostics.YamlBooleanTrap, scalar);
            }
        }
    }

    private static void CheckPorts(YamlNode? node, Dictionary<(int, int), Diagnostic> found)
    {
        if (node is not YamlSequence sequence)
        {
            return;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlScalar { IsPlain: true, Tag: null } scalar && IsYaml11Sexagesimal(scalar.Value))
            {
                Add(found, ComposeDiagnostics.YamlSexagesimalTrap, scalar);
            }
        }
    }

    private static void Add(Dictionary<(int, int), Diagnostic> found, DiagnosticDescriptor descriptor, YamlScalar scalar)
        => found.TryAdd((scalar.Span.Start, scalar.Span.End), Diagnostic.Create(descriptor, scalar.Location, scalar.Value));

    // YAML 1.1 bool (https://yaml.org/type/bool.html), compared without case.
    [GeneratedRegex("^(?:y|yes|n|no|true|false|on|off)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11Boolean();

    // YAML 1.1 base-60 int (https://yaml.org/type/int.html), as PyYAML resolves it.
    [GeneratedRegex("^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11Sexagesimal();
}
