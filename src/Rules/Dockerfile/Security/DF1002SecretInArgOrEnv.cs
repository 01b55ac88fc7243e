using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using DockerLint.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>
/// A secret is written into ENV or ARG: a secret-like name with a literal value, or a value in a known
/// credential format (private key, cloud or forge token) whatever the name.
/// </summary>
public sealed class DF1002SecretInArgOrEnv : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1002",
        "Secret in ARG or ENV",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "An ARG or ENV holds a literal secret: a password, token or key by name, or a value in a known credential format.",
        "CWE-798",
        "secrets");



    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["buildkit:SecretsUsedInArgOrEnv", "hadolint:DL3064", "trivy:DS-0031", "kics:a88baa34-e2ad-44ea-ad6f-8cac87bc7c71"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports literal secrets in `ENV` and `ARG` (ONBUILD triggers included), on the value:

        - **Secret-like names with a literal value**, judged exactly as the Compose rule DC1002 judges
          them (both use one set of patterns). The name is split into words (`DB_PASSWORD`,
          `dbPassword`, `db-password`); it names a secret when a word is password, passwd, pass, pwd,
          passphrase, secret, token, credential(s), apikey, accesskey, secretkey or privatekey, ends with
          one of them (`PGPASSWORD`, `AUTHTOKEN`), or is `KEY` after api, secret, private, access, app,
          client, ssh, license, signing, encryption … (`API_KEY`, `SSH_KEY`; a bare `KEY` or `GPG_KEY` is
          not) — and only words such as `VALUE` or `BASE` follow it (`SECRET_KEY_BASE`). Names that point
          to where a secret is or describe it are not secret names (`PASSWORD_FILE`, `TOKEN_PATH`,
          `SECRETS_DIR`, `TOKEN_URL`, `SECRET_NAME`, `AWS_ACCESS_KEY_ID`, `PASSWORD_MIN_LENGTH`), nor are
          settings and public values (`ALLOW_EMPTY_PASSWORD`, `USE_TOKEN`, `PUBLIC_KEY`), nor `PWD` and
          `OLDPWD`, which are directories.
        - **Well-known credentials in any value**, whatever the name: PEM private keys, AWS access key
          IDs, GitHub, GitLab, Slack, Google API, Stripe live and npm tokens, Slack webhooks, URLs with a
          password (`postgres://app:s3cret@db/app`), and also PyPI, Docker Hub, Hugging Face, OpenAI and
          Anthropic tokens. AWS's documented sample keys (`…EXAMPLE`) and tokens whose random part is one
          repeated character (`ghp_xxxx…`) are not reported. The finding is on the credential itself
          when the value is written as is, else on the value.

        Not reported, because no secret is written in the file: values that reference variables
        (`$DB_PASSWORD`, `${TOKEN}`, `${TOKEN:-}`; the variable's own declaration is checked), empty
        values, flags and numbers (`true`, `no`, `8`), values without a letter or digit (`_`, `***`), file
        paths and key file names (`/run/secrets/db`, `server.key`), references to a secret store
        (`vault:…`, `arn:aws:secretsmanager:…`), and placeholders that ask to be replaced or say they are
        not real: `changeme`, `changeit`, `replace_me`, `placeholder`, `<your token>`, `{{ token }}`,
        `%TOKEN%`, `xxxx`, `your_token_here`, or a value with the word `fake`, `dummy`, `example`,
        `sample` or `redacted` (`FAKE_KEY_FOR_TESTS`). A placeholder leaks nothing; a weak default
        password such as `password` or `admin` is a literal and is reported. An `ARG` without a default
        is not reported (unlike BuildKit's name-only check): its value comes from the build command.

        Names your organisation uses for secrets that these words miss (`GITLAB_PAT`, `VAULT_ROLE_ID`)
        can be added with the option `secret-name-patterns`: .NET regular expressions searched in the
        name as written, case-sensitive unless they start with `(?i)` (`secret-name-patterns:
        ["(?i)_pat$"]` in `.dockerlint.yaml`). They only add names — a name they match is a secret name
        even if the built-in list says it is a setting — and the rules about values (variables,
        placeholders) still apply. The same option extends DC1002.

        Do not turn it off: a secret written into `ENV` or `ARG` stays readable in the image and its
        history. For a placeholder value the rule misjudges, suppress that line with `# dockerlint
        ignore=DF1002`.

        ## Why is this bad?

        `ENV` values are stored in the image configuration: anyone who can pull the image reads them
        with `docker inspect`, and every container started from it carries them in its environment.
        `ARG` values are recorded in the image history and the build provenance (`docker history`), and
        a default is committed to version control with the Dockerfile. Removing the line later does not
        help: the old image and the Git history keep the secret, which must be revoked.

        ## Example

        ```dockerfile
        FROM node:22-slim
        ARG NPM_TOKEN=npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789
        ENV DATABASE_PASSWORD=s3cr3t-pa55
        RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \
            echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc
        ```

        and pass run-time secrets when the container starts (`docker run --env-file`, Compose
        `secrets:`, the orchestrator's secret store), built with `docker build --secret id=npm_token,env=NPM_TOKEN`.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<EnvInstruction>(CheckEnv);
        context.RegisterInstructionAction<ArgInstruction>(CheckArg);
    }

    private static void CheckEnv(InstructionContext<EnvInstruction> context)
    {
        var keyword = context.Instruction.IsTrigger ? "ONBUILD ENV" : "ENV";
        foreach (var pair in context.Instruction.Pairs)
        {
            Check(context, keyword, pair.Key.Text, pair.Value);
        }
    }

    private static void CheckArg(InstructionContext<ArgInstruction> context)
    {
        var keyword = context.Instruction.IsTrigger ? "ONBUILD ARG" : "ARG";
        foreach (var declaration in context.Instruction.Declarations)
        {
            if (declaration.Default is { } value)
            {
                Check(context, keyword, declaration.Name, value);
            }
        }
    }

    private static void Check(DockerfileContext context, string keyword, string name, ExpandedWord value)
    {
        var where = keyword.EndsWith("ARG", StringComparison.Ordinal)
            ? "build arguments are recorded in the image history and build provenance, and the default is committed with the Dockerfile; use a secret mount (RUN --mount=type=secret) instead"
            : "ENV values are stored in the image and readable by anyone who can pull it (docker inspect); pass it at run time or use a secret mount (RUN --mount=type=secret) instead";

        if (FindToken(value) is { } token)
        {
            context.Report(token.Span, $"{keyword} {name} holds {token.Kind}; {where}, and revoke the exposed one");
            return;
        }

        // A secret-like name only matters with a value written here: no variable, no placeholder.
        if (value.Expansion.Variables.Count > 0 || value.Value is not { } literal || !SecretPatterns.IsSecretName(name, context.Options.GetList(ConfigurationOptions.SecretNamePatterns))
            || SecretPatterns.IsInertValue(literal))
        {
            return;
        }

        context.Report(value.Span, $"{keyword} {name} has a literal value that looks like a secret; {where}");
    }

    /// <summary>A known credential format in the literal text of the value, with the narrowest span that can be given.</summary>
    private static (string Kind, TextSpan Span)? FindToken(ExpandedWord value)
    {
        if (value.Expansion.Variables.Count == 0 && value.Value is { } literal)
        {
            return Match(literal) is { } found ? (found.Kind, value.GetSpan(found.Index, found.Length)) : null;
        }

        // Unknown parts cannot hold a secret written here; only the literal parts are searched.
        if (!value.IsKnown)
        {
            foreach (var segment in value.Expansion.Segments.Where(s => !s.IsUnknown))
            {
                if (Match(segment.Text) is { } found)
                {
                    return (found.Kind, value.Span);
                }
            }
        }

        return null;
    }

    private static (string Kind, int Index, int Length)? Match(string text)
        => SecretPatterns.FindToken(text) is { } token ? (token.Format, token.Start, token.Length) : null;
}
