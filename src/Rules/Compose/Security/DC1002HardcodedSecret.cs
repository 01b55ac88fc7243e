using System.Collections.Immutable;
using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using DockerLint.Rules.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A secret is written into <c>environment:</c>, <c>build.args</c> or labels instead of being passed as a Compose secret.</summary>
public sealed class DC1002HardcodedSecret : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1002",
        "Secret in environment, build argument or label",
        "{0} '{1}' {2} ({3}); pass secrets with Compose 'secrets:' instead",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A password, token or key is written into the Compose project, where everyone who can read the files, inspect the container or pull the image can read it.",
        "CWE-798",
        "CWE-522");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:a88baa34-e2ad-44ea-ad6f-8cac87bc7c71"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports secrets in a service's `environment:` and `build.args` (list or mapping form):

        - a variable whose name says it holds a secret — its words include password, passwd, pass,
          pwd, passphrase, secret, token, credentials, or key after api, secret, private, access,
          app … (`POSTGRES_PASSWORD`, `dbPassword`, `REDISPASS`, `SECRET_KEY_BASE`, `API_KEY`) —
          with a literal value;
        - any value that holds a well-known credential: a PEM private key, an AWS access key ID,
          GitHub, GitLab, Slack, Google API, Stripe live and npm tokens, a Slack webhook, or a URL
          with a password (`postgres://app:s3cret@db/app`).

        Labels (`labels:` and `build.labels`) are checked for well-known credentials only: their
        names follow other conventions.

        The files a service's `env_file:` names are read too (relative to the project directory, or
        to the folder of the file an `extends:` reads), and a secret written in one is reported there, on its value, by the same
        tests — an env file is where secrets are moved to keep them out of `compose.yaml`, but its
        variables still end up in the container's environment, and a committed env file is as
        public as the Compose file. A missing or unreadable env file is skipped.

        Values are read after interpolation. A value from a variable the linter cannot know
        (`${DB_PASSWORD}` with no `.env` entry) is not reported, and neither is an empty value or a
        name with no value (`- TOKEN`), which Compose takes from the shell. A literal default
        (`${DB_PASSWORD:-s3cr3t}`) is reported: it is written in the file and used whenever the
        variable is not set. Placeholders that ask to be replaced (`changeme`, `your-token-here`,
        `<password>`) are not secrets and are not reported, as in DF1002. A value that comes from the project's `.env` is reported too, on the
        Compose value that reads it: the secret is then a literal in a file beside the project,
        and it still ends up in the container's environment.

        Not secret names: names that point to where a secret is (`POSTGRES_PASSWORD_FILE`,
        `*_PATH`, `*_DIR`, `TOKEN_URL`) or describe it (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`),
        settings (`MYSQL_ALLOW_EMPTY_PASSWORD`, `MYSQL_RANDOM_ROOT_PASSWORD`) and public keys
        (`NEXT_PUBLIC_API_KEY`); a well-known credential in their value is still reported. Not
        secret values: flags (`true`, `no`), file paths or names (`/run/secrets/db`, `server.key`,
        `kafka_keystore_creds`), references to a secret store (`vault:…`, `op://…`,
        `arn:aws:secretsmanager:…`) and placeholders (`<password>`, `****`).

        Names your organisation uses for secrets that these words miss (`GITLAB_PAT`, `VAULT_ROLE_ID`)
        can be added with the option `secret-name-patterns`: .NET regular expressions searched in the
        variable name as written, case-sensitive unless they start with `(?i)`
        (`secret-name-patterns: ["(?i)_pat$"]`). They only add names — a name they match is a secret
        name even if the built-in list says it is a setting — and they apply to environment
        variables, build arguments and env files, not to labels. The same option extends DF1002.

        Do not turn it off: a secret written into a Compose file ends up in version control and in
        `docker inspect`. For a placeholder the rule misjudges, suppress that entry with `# dockerlint
        ignore=DC1002`.

        ## Why is this bad?

        Whatever is in `environment:` is visible to anyone who can run `docker inspect` or read
        `/proc/1/environ` in the container, ends up in logs and crash reports, and is in the
        repository history for good once committed. Build arguments are worse: they are stored in
        the image's history, readable by everyone who can pull the image.

        ## Example

        ```yaml
        services:
          db:
            image: postgres:17
            environment:
              POSTGRES_PASSWORD: s3cr3t-Passw0rd
          app:
            build:
              context: .
              args:
                NPM_TOKEN: 7f3e9c1a-example-token
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:17
            environment:
              POSTGRES_PASSWORD_FILE: /run/secrets/db_password
            secrets:
              - db_password
          app:
            build:
              context: .
              secrets:
                - npm_token          # RUN --mount=type=secret,id=npm_token in the Dockerfile
        secrets:
          db_password:
            file: ./secrets/db_password.txt   # kept out of version control
          npm_token:
            environment: NPM_TOKEN            # taken from the shell or the CI
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            var patterns = context.Options.GetList(ConfigurationOptions.SecretNamePatterns);
            var envFiles = new Dictionary<string, (YamlSource Source, EnvFile File)?>(StringComparer.Ordinal);
            foreach (var service in context.Project.Services)
            {
                Check(service, service.Environment, "Environment variable", byName: true, patterns, findings);
                Check(service, service.Labels, "Label", byName: false, patterns, findings);
                CheckEnvFiles(context.Project, service, envFiles, patterns, findings);
                if (service.Build is { } build)
                {
                    Check(service, build.Args, "Build argument", byName: true, patterns, findings);
                    Check(service, build.Labels, "Label", byName: false, patterns, findings);
                }
            }

            findings.ReportAll();
        });
    }

    private static void Check(ComposeService service, ImmutableArray<ComposeKeyValue> entries, string kind, bool byName, ImmutableArray<string> patterns, ServiceFindings findings)
    {
        foreach (var entry in entries)
        {
            if (entry.Value is not { Value: { Length: > 0 } value } written)
            {
                continue;
            }

            if (SecretPatterns.FindToken(value) is { } token)
            {
                // Written in the file (plainly or as a default) when the raw text holds it.
                var what = written.Raw.Contains(value.Substring(token.Start, token.Length), StringComparison.Ordinal)
                    ? $"holds {token.Format}"
                    : $"takes {token.Format} from the project's env file";
                findings.Add(service, entry.Node, written.Span, kind, entry.Key, what);
            }
            else if (byName && SecretPatterns.IsSecretName(entry.Key, patterns) && !SecretPatterns.IsInertValue(value))
            {
                var what = written.Origin switch
                {
                    ComposeValueOrigin.Default => "has a hard-coded default value",
                    ComposeValueOrigin.Environment => "takes a literal secret from the project's env file",
                    _ => "has a hard-coded value",
                };
                findings.Add(service, entry.Node, written.Span, kind, entry.Key, what);
            }
        }
    }

    /// <summary>
    /// Secrets written in the files a service's <c>env_file:</c> names, read through the project's file
    /// access and reported in those files. Each file is read once.
    /// </summary>
    private static void CheckEnvFiles(
        ComposeProject project, ComposeService service, Dictionary<string, (YamlSource Source, EnvFile File)?> cache, ImmutableArray<string> patterns, ServiceFindings findings)
    {
        foreach (var envFile in service.EnvFiles)
        {
            if (envFile.Path.Value is not { Length: > 0 } relative)
            {
                continue;
            }

            var path = Path.GetFullPath(relative, project.WorkingDirectoryOf(envFile.Path.Node.Source));
            if (!cache.TryGetValue(path, out var parsed))
            {
                parsed = project.ReadFile(path) is { } text ? Parse(text, path) : null;
                cache[path] = parsed;
            }

            if (parsed is not var (source, file))
            {
                continue;
            }

            foreach (var entry in file.Entries)
            {
                if (!entry.HasValue || entry.Value.Value is not { Length: > 0 } value || entry.ValueSpan.IsEmpty)
                {
                    continue;
                }

                var name = Path.GetFileName(path);
                if (SecretPatterns.FindToken(value) is { } token)
                {
                    findings.Add(service, source, entry.ValueSpan, $"env_file {name}: variable", entry.Key, $"holds {token.Format}");
                }
                else if (SecretPatterns.IsSecretName(entry.Key, patterns) && !SecretPatterns.IsInertValue(value))
                {
                    findings.Add(service, source, entry.ValueSpan, $"env_file {name}: variable", entry.Key, "has a literal value");
                }
            }
        }
    }

    private static (YamlSource, EnvFile) Parse(string text, string path)
    {
        var source = new YamlSource(path, SourceText.From(text));
        return (source, EnvFileParser.Parse(source.Text, path));
    }
}
