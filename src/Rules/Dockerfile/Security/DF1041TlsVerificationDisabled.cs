using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>Certificate checks turned off: <c>curl -k</c>, <c>wget --no-check-certificate</c>, <c>pip --trusted-host</c>, <c>GIT_SSL_NO_VERIFY</c>, <c>NODE_TLS_REJECT_UNAUTHORIZED=0</c>…</summary>
public sealed class DF1041TlsVerificationDisabled : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1041",
        "TLS certificate verification disabled",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A download tool or package manager is told not to verify TLS certificates, so anyone on the network path can replace what it fetches.",
        "CWE-295");

    /// <summary>Environment variables that turn verification off, with the values that do (null: any value).</summary>
    private static readonly Dictionary<string, string[]?> s_variables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PYTHONHTTPSVERIFY"] = ["0"],
        ["NODE_TLS_REJECT_UNAUTHORIZED"] = ["0"],
        ["GIT_SSL_NO_VERIFY"] = null,
        ["NPM_CONFIG_STRICT_SSL"] = ["false", "0", "no"],
        ["YARN_STRICT_SSL"] = ["false", "0", "no"],
        ["PIP_TRUSTED_HOST"] = null,
    };

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "checkov:CKV2_DOCKER_2", "checkov:CKV2_DOCKER_3", "checkov:CKV2_DOCKER_4", "checkov:CKV2_DOCKER_5", "checkov:CKV2_DOCKER_6",
        "checkov:CKV2_DOCKER_12", "checkov:CKV2_DOCKER_13", "checkov:CKV2_DOCKER_14", "checkov:CKV2_DOCKER_15", "checkov:CKV2_DOCKER_16",
    ];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.4;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the ways a Dockerfile turns TLS certificate verification off:

        - in RUN commands: `curl -k`/`--insecure` (also inside combined flags such as `-fsSLk`),
          `wget --no-check-certificate`, `pip install --trusted-host`, `git -c http.sslVerify=false` and
          `git config http.sslVerify false`, `npm`/`yarn config set strict-ssl false` and `--strict-ssl=false`,
          `yum`/`dnf --setopt=sslverify=0`, and `sslverify=0` written into a yum/dnf configuration;
        - environment variables that do the same, set by `ENV`, by an `ARG` default or before a command
          (`GIT_SSL_NO_VERIFY=1 git clone …`, `export NODE_TLS_REJECT_UNAUTHORIZED=0`):
          `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY` (any value),
          `NPM_CONFIG_STRICT_SSL=false`, `YARN_STRICT_SSL=false`, `PIP_TRUSTED_HOST`.

        Values from variables that cannot be resolved are not reported. A non-POSIX `SHELL` is not read.

        Turn it off only for a build that runs entirely inside a network you trust and whose TLS you cannot fix; prefer installing the CA.

        ## Why is this bad?

        Without certificate checks, TLS still encrypts but no longer proves who is on the other end:
        a proxy, a compromised network or a DNS hijack can serve any package or script, and the build
        installs it. When an ENV sets the variable, every container started from the image inherits
        it too. Fix the trust store instead: install `ca-certificates`, or add the company CA with
        `COPY ca.crt /usr/local/share/ca-certificates/` and `update-ca-certificates`.

        ## Example

        ```dockerfile
        FROM python:3.13-slim
        RUN pip install --trusted-host pypi.example.com requests==2.32.3
        ```

        ## Use instead

        ```dockerfile
        FROM python:3.13-slim
        COPY company-ca.crt /usr/local/share/ca-certificates/company-ca.crt
        RUN update-ca-certificates && pip install requests==2.32.3
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<RunInstruction>(CheckRun);
        context.RegisterInstructionAction<EnvInstruction>(CheckEnv);
        context.RegisterInstructionAction<ArgInstruction>(CheckArg);
    }

    private static void CheckRun(InstructionContext<RunInstruction> context)
    {
        foreach (var command in RunCommands.Of(context.Instruction))
        {
            foreach (var assignment in command.Assignments)
            {
                ReportAssignment(context, assignment.Text, assignment.Span, assignment.IsLiteral);
            }

            if (command.Name is "export" or "declare" or "typeset")
            {
                foreach (var argument in command.Arguments.Where(a => a.Text.Contains('=', StringComparison.Ordinal)))
                {
                    ReportAssignment(context, argument.Text, argument.Span, argument.IsLiteral);
                }
            }

            if (Flagged(command) is { } finding)
            {
                context.Report(finding.Span, finding.Message);
            }
        }
    }

    private static (TextSpan Span, string Message)? Flagged(ShellCommand command)
    {
        switch (command.Name)
        {
            case "curl" when command.FindOption("k", "--insecure") is { } option:
                return (option.Span, $"'curl {option.Text}' does not verify the server's certificate; fix the trust store (ca-certificates) instead");
            case "wget" when command.FindOption(null, "--no-check-certificate") is { } option:
                return (option.Span, "'wget --no-check-certificate' does not verify the server's certificate; fix the trust store (ca-certificates) instead");
            case "pip" or "pip3" or "python" or "python3" when command.FindOption(null, "--trusted-host") is { } option:
                return (option.Span, "'pip --trusted-host' accepts that host without a valid certificate; fix the trust store or use --cert");
            case "git" when GitDisablesSsl(command) is { } word:
                return (word.Span, "git is told not to verify certificates (http.sslVerify false); fix the trust store (ca-certificates) instead");
            case "npm" or "yarn" or "pnpm" when StrictSslOff(command) is { } word:
                return (word.Span, $"'{command.Name}' is told not to verify certificates (strict-ssl false); set cafile to your CA instead");
            case "yum" or "dnf" or "microdnf" or "tdnf" when command.LiteralArguments().FirstOrDefault(a => IsSslVerifyOff(a.Text)) is { Text.Length: > 0 } word:
                return (word.Span, $"'{command.Name}' is told not to verify repository certificates (sslverify off); install the repository's CA instead");
            case "echo" or "printf" or "tee" or "sed" when WritesSslVerifyOff(command) is { } word:
                return (word.Span, "sslverify=0 is written into the package manager's configuration, so repository certificates are not verified; install the repository's CA instead");
            default:
                return null;
        }
    }

    private static ShellWordToken? GitDisablesSsl(ShellCommand command)
    {
        var words = command.Arguments;
        for (var i = 0; i < words.Length; i++)
        {
            var text = words[i].Text;
            if (text.StartsWith("http.sslverify=", StringComparison.OrdinalIgnoreCase) || (text.StartsWith("http.", StringComparison.OrdinalIgnoreCase) && text.Contains(".sslverify=", StringComparison.OrdinalIgnoreCase)))
            {
                if (IsFalse(text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..]))
                {
                    return words[i];
                }
            }

            if (text.Equals("http.sslverify", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Length && IsFalse(words[i + 1].Text))
            {
                return words[i];
            }
        }

        return null;
    }

    private static ShellWordToken? StrictSslOff(ShellCommand command)
    {
        var words = command.Arguments;
        for (var i = 0; i < words.Length; i++)
        {
            var text = words[i].Text;
            if ((text.StartsWith("--strict-ssl=", StringComparison.Ordinal) || text.StartsWith("strict-ssl=", StringComparison.Ordinal)) && IsFalse(text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            {
                return words[i];
            }

            if (text is "strict-ssl" or "strictSsl" && i + 1 < words.Length && IsFalse(words[i + 1].Text))
            {
                return words[i];
            }
        }

        return null;
    }

    private static ShellWordToken? WritesSslVerifyOff(ShellCommand command)
    {
        var intoConfig = command.Redirections.Any(r => r.Operator.Contains('>', StringComparison.Ordinal) && IsYumConfig(r.Target.Text))
            || (command.Name is "tee" or "sed" && command.Arguments.Any(a => IsYumConfig(a.Text)))
            || (command.PipesInto is { Name: "tee" } tee && tee.Arguments.Any(a => IsYumConfig(a.Text)));
        return intoConfig ? command.LiteralArguments().FirstOrDefault(a => a.Text.Split('\n', ' ', '/').Any(IsSslVerifyOff)) is { Text.Length: > 0 } word ? word : null : null;
    }

    private static bool IsYumConfig(string path)
        => path.Contains("yum.conf", StringComparison.Ordinal) || path.Contains("dnf.conf", StringComparison.Ordinal) || path.Contains("yum.repos.d", StringComparison.Ordinal);

    private static bool IsSslVerifyOff(string text)
    {
        var at = text.IndexOf("sslverify=", StringComparison.OrdinalIgnoreCase);
        return at >= 0 && IsFalse(text[(at + "sslverify=".Length)..].TrimEnd('\'', '"'));
    }

    private static void ReportAssignment(DockerfileContext context, string text, TextSpan span, bool literal)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (!literal || eq <= 0)
        {
            return;
        }

        var name = text[..eq];
        if (Disables(name, text[(eq + 1)..]))
        {
            context.Report(span, Message(name));
        }
    }

    private static void CheckEnv(InstructionContext<EnvInstruction> context)
    {
        foreach (var pair in context.Instruction.Pairs)
        {
            if (pair.Key.Value is { } name && pair.Value.Value is { } value && Disables(name, value))
            {
                context.Report(pair.Syntax.Span, Message(name));
            }
        }
    }

    private static void CheckArg(InstructionContext<ArgInstruction> context)
    {
        foreach (var declaration in context.Instruction.Declarations)
        {
            if (declaration.Default?.Value is { } value && Disables(declaration.Name, value))
            {
                context.Report(declaration.Syntax.Span, Message(declaration.Name));
            }
        }
    }

    private static bool Disables(string name, string value)
        => s_variables.TryGetValue(name, out var values) && (values is null ? value.Length > 0 : values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase));

    private static string Message(string name)
        => $"{name} turns TLS certificate verification off for every program that reads it; fix the trust store (ca-certificates) instead";

    private static bool IsFalse(string value) => value.Trim('\'', '"').ToLowerInvariant() is "false" or "0" or "no" or "off";
}
