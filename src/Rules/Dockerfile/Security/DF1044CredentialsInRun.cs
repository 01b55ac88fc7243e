using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>A RUN that logs in or stores credentials without a secret mount: <c>aws configure set</c>, <c>docker login -p</c>, <c>https://user:token@host</c>.</summary>
public sealed class DF1044CredentialsInRun : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1044",
        "Credentials set up in RUN",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A RUN command writes or passes credentials in a way that leaves them in the image layer or the build history.",
        "CWE-522");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["trivy:DS-0031"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports RUN commands that set up credentials when the RUN has no BuildKit secret mount
        (`--mount=type=secret`): `aws configure set aws_secret_access_key …`, `gcloud auth
        activate-service-account --key-file …`, `az login -p …`, `doctl auth init -t …`,
        `docker login -p …`/`--password …`, `npm config set //registry/:_authToken …`,
        `echo "machine … password …" > ~/.netrc`. With or without a secret mount it reports URLs
        that carry a literal password or token (`git clone https://user:ghp_…@github.com/…`,
        `curl -u user:password`), since the Dockerfile itself then holds the secret. Credentials that
        come from variables in URLs are left to the ARG/ENV secret rule (DF1002).

        Turn it off for throw-away CI images that are never pushed; anything pushed keeps the layer.

        ## Why is this bad?

        Every RUN becomes a layer, and the command line is kept in the image history: a password on
        the command line is readable with `docker history`, and a credentials file written by
        `aws configure` or `docker login` stays in the layer even if a later step deletes it. Secret
        mounts give the step the secret without writing it into any layer.

        ## Example

        ```dockerfile
        FROM amazon/aws-cli:2.22.0
        ARG AWS_SECRET_ACCESS_KEY
        RUN aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY" && aws s3 cp s3://bucket/model.bin /models/
        ```

        ## Use instead

        ```dockerfile
        FROM amazon/aws-cli:2.22.0
        RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp s3://bucket/model.bin /models/
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            var hasSecretMount = context.Instruction.Mounts.Any(m => m.Type == "secret");
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (!hasSecretMount && Setup(command) is { } setup)
                {
                    context.Report(setup.Span, setup.Message);
                }

                foreach (var word in command.Arguments)
                {
                    if (word.IsLiteral && UrlPassword(word) is { } span)
                    {
                        context.Report(span, $"A password or token is written in the URL given to '{command.Name}'; it stays in the Dockerfile and the image history; use a secret mount or a credential helper");
                    }
                }

                if (command.Name == "curl" && command.Arguments.ToList().FindIndex(a => a.Text is "-u" or "--user") is var u and >= 0
                    && u + 1 < command.Arguments.Length && command.Arguments[u + 1] is { IsLiteral: true } credential
                    && credential.Text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && colon < credential.Text.Length - 1)
                {
                    context.Report(credential.Span, "'curl -u user:password' writes the password in the Dockerfile and the image history; use a secret mount (curl --netrc-file /run/secrets/…)");
                }
            }
        });

    private static (TextSpan Span, string Message)? Setup(ShellCommand command)
    {
        // Only these programs store credentials; the argument list is read for them alone.
        if (command.Name is not ("aws" or "gcloud" or "az" or "doctl" or "docker" or "podman" or "buildah" or "npm" or "yarn" or "pnpm" or "echo" or "printf"))
        {
            return null;
        }

        var args = command.Arguments.Select(a => a.Text).ToList();
        bool Has(params string[] options) => args.Any(a => options.Any(o => a == o || a.StartsWith(o + "=", StringComparison.Ordinal)));
        var message = command.Name switch
        {
            "aws" when args.Count >= 3 && args[0] == "configure" && args[1] == "set" && args[2].Contains("secret", StringComparison.OrdinalIgnoreCase)
                => "'aws configure set' writes the secret key into ~/.aws/credentials in this layer",
            "gcloud" when args.Contains("activate-service-account") && Has("--key-file")
                => "'gcloud auth activate-service-account --key-file' stores the service account key in this layer",
            "az" when args.FirstOrDefault() == "login" && Has("-p", "--password")
                => "'az login' with a password on the command line keeps it in the image history and the token in this layer",
            "doctl" when args.Contains("init") && Has("-t", "--access-token")
                => "'doctl auth init' with a token on the command line keeps it in the image history and the config in this layer",
            "docker" or "podman" or "buildah" when args.FirstOrDefault() == "login" && Has("-p", "--password")
                => $"'{command.Name} login' with a password on the command line keeps it in the image history and the credentials in this layer",
            "npm" or "yarn" or "pnpm" when args.Any(a => a.Contains("_authToken", StringComparison.Ordinal) || a.Contains("_auth=", StringComparison.Ordinal) || a.Contains("_password", StringComparison.Ordinal))
                => $"'{command.Name}' stores a registry token in .npmrc in this layer",
            "echo" or "printf" when command.Redirections.Any(r => r.Target.Text.EndsWith(".netrc", StringComparison.Ordinal)) && args.Any(a => a.Contains("password", StringComparison.Ordinal))
                => "a password is written into .netrc in this layer",
            _ => null,
        };
        return message is null ? null : (command.Span, message + "; use a secret mount (RUN --mount=type=secret,…) so it never reaches a layer");
    }

    /// <summary>The password part of <c>scheme://user:password@host</c> in a literal word, when it is written out.</summary>
    private static TextSpan? UrlPassword(ShellWordToken word)
    {
        var text = word.Text;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? text[authorityStart..] : text[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var colon = at < 0 ? -1 : authority.IndexOf(':', StringComparison.Ordinal);
        if (at < 0 || colon < 0 || colon > at || at - colon - 1 < 4)
        {
            return null;
        }

        // The word's text is its span's text when the word is written plainly; else point at the word.
        return word.Span.Length == text.Length ? new TextSpan(word.Span.Start + authorityStart + colon + 1, at - colon - 1) : word.Span;
    }
}
