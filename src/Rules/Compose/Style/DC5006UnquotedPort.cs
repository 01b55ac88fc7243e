using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>A port in <c>ports:</c> or <c>expose:</c> is written without quotes (opt-in).</summary>
public sealed class DC5006UnquotedPort : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5006",
        "Port not quoted",
        "Quote the port '{0}' of service '{1}' ({2})",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "A port of ports: or expose: is a plain YAML scalar; quoting every port keeps YAML from reading one as a number.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:require-quotes-in-ports"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports the short-syntax items of `ports:` and `expose:` that are plain
        (unquoted) scalars. The option `quote-style` (`single` or `double`) also reports ports
        quoted the other way; without it either quote is accepted. The long syntax is not checked.

        Turn it on to avoid the YAML 1.1 trap where an unquoted `22:22` is read as a base-60 number by
        some parsers.

        ## Why is this bad?

        `22:22` unquoted is the base-60 number 1342 for YAML 1.1 parsers (DC0041 reports those
        that are), and `8080` is an integer where compose expects a string. Quoting every port
        removes the question. A habit rather than a defect, hence opt-in.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - 127.0.0.1:8080:80
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
            var style = context.Options.Get("quote-style")?.ToLowerInvariant();
            foreach (var (name, body) in WrittenFiles.Services(context.Project))
            {
                foreach (var section in (string[])["ports", "expose"])
                {
                    if (body[section] is not YamlSequence sequence)
                    {
                        continue;
                    }

                    foreach (var item in sequence.Items.OfType<YamlScalar>())
                    {
                        var wrong = item.Style switch
                        {
                            YamlScalarStyle.Plain => "it is unquoted",
                            YamlScalarStyle.DoubleQuoted when style == "single" => "use single quotes",
                            YamlScalarStyle.SingleQuoted when style == "double" => "use double quotes",
                            _ => null,
                        };
                        if (wrong is not null)
                        {
                            context.Report(item, item.Value, name.Value, wrong);
                        }
                    }
                }
            }
        });
    }
}
