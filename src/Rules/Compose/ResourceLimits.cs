using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Compose;

/// <summary>Finds services without a limit of one resource, or with the limit turned off (<c>0</c>, <c>-1</c>).</summary>
internal static class ResourceLimits
{
    /// <summary>
    /// Reports every service of the project for which <paramref name="limits"/> yields no value (on
    /// its name) or only values that mean unlimited (on that value). A value from an unknown variable
    /// counts as a limit. The message's first argument is "sets no limit" or "turns the limit off (key: value)".
    /// </summary>
    public static void Check(ComposeProjectContext context, Func<ComposeService, IEnumerable<(string Key, ComposeString? Value)>> limits)
    {
        var findings = new ServiceFindings(context);
        foreach (var service in context.Project.Services)
        {
            var given = limits(service).Where(l => l.Value is { IsNull: false }).ToList();
            if (given.Count == 0)
            {
                findings.Add(service, service.NameNode, "sets no limit");
                continue;
            }

            if (given.All(l => IsUnlimited(l.Value!)))
            {
                var (key, value) = given[0];
                findings.Add(service, value!.Node, value.Span, $"turns the limit off ({key}: {value.Value})");
            }
        }

        findings.ReportAll();
    }

    private static bool IsUnlimited(ComposeString value)
        => value.Value is { } text && text.Trim() is "0" or "-1" or "0.0" or "0b" or "0m" or "0M" or "0g" or "0G";
}
