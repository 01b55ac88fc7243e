using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Compose;

/// <summary>
/// Collects the findings of a Compose rule over every service of a project and reports each place
/// once. A value written once under an anchor (<c>x-common: &amp;common</c>) and merged into several
/// services is one problem in one place: it is reported once, naming every service that uses it. The
/// message's last argument is that list of services (<c>(service 'web')</c>, <c>(services 'a' and 'b')</c>).
/// </summary>
internal sealed class ServiceFindings
{
    private readonly ComposeProjectContext _context;
    private readonly Dictionary<(YamlSource Source, TextSpan Span), Finding> _byPlace = [];
    private readonly List<Finding> _inOrder = [];

    /// <summary>Creates a collector that reports through <paramref name="context"/>.</summary>
    public ServiceFindings(ComposeProjectContext context)
    {
        _context = context;
    }

    /// <summary>Adds a finding of <paramref name="service"/> on the whole <paramref name="node"/>.</summary>
    public void Add(ComposeService service, YamlNode node, params object?[] args) => Add(service, node, node.Span, args);

    /// <summary>
    /// Adds a finding of <paramref name="service"/> at <paramref name="span"/> of the file
    /// <paramref name="node"/> was written in. The first finding at a place decides the message; later
    /// ones only add their service.
    /// </summary>
    public void Add(ComposeService service, YamlNode node, TextSpan span, params object?[] args) => Add(service, node.Source, span, args);

    /// <summary>
    /// Adds a finding of <paramref name="service"/> at <paramref name="span"/> of <paramref name="source"/>,
    /// which may be a file other than a Compose file (an <c>env_file</c>).
    /// </summary>
    public void Add(ComposeService service, YamlSource source, TextSpan span, params object?[] args)
    {
        var key = (source, span);
        if (!_byPlace.TryGetValue(key, out var finding))
        {
            finding = new Finding(source, span, args, []);
            _byPlace[key] = finding;
            _inOrder.Add(finding);
        }

        if (!finding.Services.Contains(service.Name))
        {
            finding.Services.Add(service.Name);
        }
    }

    /// <summary>Reports every finding, in the order they were first added.</summary>
    public void ReportAll()
    {
        foreach (var finding in _inOrder)
        {
            _context.Report(finding.Source.GetLocation(finding.Span), [.. finding.Args, DescribeServices(finding.Services)]);
        }
    }

    /// <summary><c>service 'a'</c>, <c>services 'a' and 'b'</c>, <c>services 'a', 'b' and 'c'</c>.</summary>
    internal static string DescribeServices(IReadOnlyList<string> services) => services.Count switch
    {
        0 => "no service",
        1 => $"service '{services[0]}'",
        _ => $"services {string.Join(", ", services.Take(services.Count - 1).Select(s => $"'{s}'"))} and '{services[^1]}'",
    };

    private sealed record Finding(YamlSource Source, TextSpan Span, object?[] Args, List<string> Services);
}
