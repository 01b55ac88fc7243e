using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>The keys of a service are not in the conventional group order (opt-in).</summary>
public sealed class DC5001ServiceKeysOrder : ComposeRule
{
    private static readonly string[][] s_groups =
    [
        ["image", "build", "container_name"],
        ["depends_on"],
        ["volumes", "volumes_from", "configs", "secrets"],
        ["environment", "env_file"],
        ["ports", "networks", "network_mode", "extra_hosts"],
        ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
        ["logging", "labels"],
        ["user", "isolation"],
    ];

    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5001",
        "Service keys out of order",
        "'{0}' of service '{1}' should come before '{2}'",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The keys of a service do not follow the conventional order, which makes services harder to compare.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-keys-order"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Checks the keys of each service, in each file as written, against dclint's
        default groups: `image`, `build`, `container_name`; `depends_on`; `volumes`,
        `volumes_from`, `configs`, `secrets`; `environment`, `env_file`; `ports`, `networks`,
        `network_mode`, `extra_hosts`; `command`, `entrypoint`, `working_dir`, `restart`,
        `healthcheck`; `logging`, `labels`; `user`, `isolation`; then every other key in any order.
        A key written right after one that should follow it is reported. Keys merged in from an anchor
        (`<<: *defaults`) are not checked.

        Turn it on to keep the keys of services in one order across a team's Compose files, as
        dclint's `service-keys-order` does.

        ## Why is this bad?

        It does not change what compose runs. When every service lists its keys in the same order,
        a reader finds the image, the ports or the user at a glance and reviews show smaller diffs.
        It is a matter of taste, hence opt-in; turned on, it fires on three in four Compose files of
        DockerLint's corpus of real projects, since few are written to this order.

        ## Example

        ```yaml
        services:
          web:
            ports:
              - "127.0.0.1:8080:80"
            image: nginx:1.27
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "127.0.0.1:8080:80"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            foreach (var (name, body) in WrittenFiles.Services(context.Project))
            {
                WrittenFiles.ReportOutOfOrder(
                    WrittenFiles.OwnKeys(body),
                    key => Rank(key.Value),
                    (key, after) => context.Report(key, key.Value, name.Value, after.Value));
            }
        });
    }

    private static int? Rank(string key)
    {
        for (var group = 0; group < s_groups.Length; group++)
        {
            var index = Array.IndexOf(s_groups[group], key);
            if (index >= 0)
            {
                return (group * 100) + index;
            }
        }

        // Every other key comes last, in any order among themselves.
        return key.StartsWith("x-", StringComparison.Ordinal) ? null : s_groups.Length * 100;
    }
}
