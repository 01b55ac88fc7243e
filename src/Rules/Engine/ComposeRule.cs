using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Engine;

/// <summary>A rule over Compose projects: registers for services or the whole project.</summary>
public abstract class ComposeRule : Rule
{
    /// <inheritdoc />
    public sealed override RuleTarget Target => RuleTarget.Compose;

    /// <summary>Registers the rule's actions; called once per rule instance.</summary>
    public abstract void Initialize(ComposeAnalysisContext context);
}

/// <summary>Where a Compose rule registers its actions.</summary>
public sealed class ComposeAnalysisContext
{
    internal List<Action<ServiceContext>> ServiceActions { get; } = [];

    internal List<Action<ComposeProjectContext>> ProjectActions { get; } = [];

    /// <summary>Runs <paramref name="action"/> for every service of the merged project.</summary>
    public void RegisterServiceAction(Action<ServiceContext> action) => ServiceActions.Add(action);

    /// <summary>Runs <paramref name="action"/> once for the project.</summary>
    public void RegisterProjectAction(Action<ComposeProjectContext> action) => ProjectActions.Add(action);
}

/// <summary>What every Compose action sees: the project and a way to report.</summary>
public class ComposeProjectContext
{
    private readonly Action<Diagnostic> _report;
    private readonly Func<ComposeService, ServiceBuild?> _builds;

    internal ComposeProjectContext(ComposeProject project, DiagnosticDescriptor descriptor, RuleOptions options, Action<Diagnostic> report, Func<ComposeService, ServiceBuild?> builds)
    {
        Project = project;
        Descriptor = descriptor;
        Options = options;
        _report = report;
        _builds = builds;
    }

    /// <summary>The merged, interpolated project.</summary>
    public ComposeProject Project { get; }

    /// <summary>The rule's descriptor.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule's configured options.</summary>
    public RuleOptions Options { get; }

    /// <summary>Reports a finding on the node (in the file and at the span where it was written).</summary>
    public void Report(YamlNode node, params object?[] args) => Report(node.Location, args);

    /// <summary>Reports a finding at a location.</summary>
    public void Report(Location location, params object?[] args)
        => _report(Diagnostic.Create(Descriptor, location, args));

    /// <summary>
    /// The build of <paramref name="service"/> resolved against the file system the engine was given
    /// (context folder, Dockerfile path and model); null when the service has no <c>build:</c>. With
    /// no file access, local builds are <see cref="ServiceBuildKind.Unknown"/> and rules stay silent.
    /// </summary>
    public ServiceBuild? BuildOf(ComposeService service) => _builds(service);

    internal Action<Diagnostic> ReportRaw => _report;

    internal Func<ComposeService, ServiceBuild?> Builds => _builds;
}

/// <summary>The context of a service action.</summary>
public sealed class ServiceContext : ComposeProjectContext
{
    internal ServiceContext(ComposeProjectContext project, ComposeService service)
        : base(project.Project, project.Descriptor, project.Options, project.ReportRaw, project.Builds)
    {
        Service = service;
    }

    /// <summary>The service.</summary>
    public ComposeService Service { get; }

    /// <summary>The build of the service (see <see cref="ComposeProjectContext.BuildOf"/>).</summary>
    public ServiceBuild? Build => BuildOf(Service);
}
