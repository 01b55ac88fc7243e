using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service publishes a container port that the Dockerfile it builds does not EXPOSE, although it exposes others.</summary>
public sealed class DC3020PublishedPortNotExposed : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3020",
        "Published port not exposed by the Dockerfile",
        "Service '{0}' publishes container port {1}, which its Dockerfile does not EXPOSE (it exposes {2})",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A service publishes a container port that the Dockerfile it builds does not declare with EXPOSE, while it declares others: one of the two is probably out of date.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Compares the container ports a service publishes (`ports:`, short and long syntax, ranges
        included) with the `EXPOSE`d ports of the stage its build produces and the stages that stage
        is built on. A port that is not exposed is a hint when the Dockerfile exposes other ports. A
        Dockerfile with no `EXPOSE` at all is not reported (its base image may expose the port, and
        many Dockerfiles leave `EXPOSE` out), nor are ports with unknown variables.

        Turn it off if the team does not maintain `EXPOSE` in its Dockerfiles.

        ## Why is this bad?

        `EXPOSE` is documentation, and the engine publishes any port whatever it says. A mismatch
        usually means the application moved to another port and one file was not updated: the
        published port then leads nowhere.

        ## Example

        ```yaml
        services:
          api:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                EXPOSE 8080
            ports:
              - "127.0.0.1:8000:8000"
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                EXPOSE 8080
            ports:
              - "127.0.0.1:8000:8080"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Build is not { TargetStage: { } stage } || context.Service.Ports.IsEmpty)
            {
                return;
            }

            var exposed = new[] { stage }.Concat(stage.Ancestors())
                .SelectMany(s => s.OfType<ExposeInstruction>().Where(e => !e.IsTrigger))
                .SelectMany(e => e.Ports)
                .ToList();
            if (exposed.Count == 0 || exposed.Any(p => p.Start is null))
            {
                return;
            }

            var list = string.Join(", ", exposed.Select(p => p.Text ?? p.Word.Text).Distinct());
            foreach (var port in context.Service.Ports)
            {
                if (port.Target is not { Start: { } start, End: { } end } target)
                {
                    continue;
                }

                for (var number = start; number <= end; number++)
                {
                    if (!exposed.Any(p => p.Start <= number && number <= (p.End ?? p.Start) && string.Equals(p.Protocol ?? "tcp", port.Protocol, StringComparison.OrdinalIgnoreCase)))
                    {
                        var text = start == end ? $"{number}/{port.Protocol}" : $"{number}/{port.Protocol} (of {target.Text})";
                        context.Report(port.Node, context.Service.Name, text, list);
                        break;
                    }
                }
            }
        });
    }
}
