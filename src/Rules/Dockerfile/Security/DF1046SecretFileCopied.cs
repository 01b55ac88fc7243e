using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>A credentials file copied into the image: <c>.env</c>, SSH private keys, <c>.netrc</c>, cloud credential files, key stores.</summary>
public sealed class DF1046SecretFileCopied : DockerfileRule
{
    private static readonly HashSet<string> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".netrc", "_netrc", ".pgpass", ".git-credentials", ".pypirc",
    };

    private static readonly string[] s_pathEndings = [".aws/credentials", ".docker/config.json", ".kube/config"];

    private static readonly string[] s_extensions = [".p12", ".pfx"];

    private static readonly string[] s_templateSuffixes = ["example", "sample", "template", "dist", "defaults", "default", "tpl"];

    private static readonly string[] s_credentialVariables = ["GOOGLE_APPLICATION_CREDENTIALS", "AWS_SHARED_CREDENTIALS_FILE", "AZURE_AUTH_LOCATION", "KUBECONFIG"];

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1046",
        "Credentials file copied into the image",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "COPY or ADD puts a file that holds credentials into an image layer, where anyone who can pull the image can read it.",
        "CWE-538");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["trivy:DS-0031"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports COPY and ADD sources from the build context whose name says they hold credentials:
        `.env` and `.env.production`-style files (not `.env.example`, `.sample`, `.template`, `.dist`,
        `.defaults`), SSH private keys (`id_rsa`, `id_ed25519` … but not `.pub`), `.netrc`, `.pgpass`,
        `.git-credentials`, `.pypirc`, `.aws/credentials`, `.docker/config.json`, `.kube/config` and
        PKCS#12 key stores (`.p12`, `.pfx`). It also reports an `ENV` that points a credentials
        variable (`GOOGLE_APPLICATION_CREDENTIALS`, `AWS_SHARED_CREDENTIALS_FILE`,
        `AZURE_AUTH_LOCATION`, `KUBECONFIG`) at a file a COPY or ADD of the same stage writes (to
        that path, or into its folder; a whole tree copied to `/` is not taken as proof). Copies
        from another stage (`COPY --from`) are judged where the file was made; sources with unknown
        variables or wildcards are not reported. Whole-context copies (`COPY . .`) are DF1022's and
        DF2031's concern: they depend on the `.dockerignore`.

        Turn it off for a file that only holds test fixtures: better, rename the fixture.

        ## Why is this bad?

        Every layer of an image is a tar file anyone who can pull the image can unpack; a later
        `RUN rm` does not remove the file from the layer that added it. Credentials copied in leak
        with every push, and cannot be revoked from copies already pulled. Give builds secrets with
        `RUN --mount=type=secret` and containers with the orchestrator's secrets or environment.

        ## Example

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY .env package.json ./
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY .env.example package.json ./
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<FileTransferInstruction>(context =>
        {
            if (context.Instruction is CopyInstruction { From: not null })
            {
                return;
            }

            foreach (var source in context.Instruction.Sources)
            {
                if (source.Value is { } path && Kind(path) is { } kind)
                {
                    context.Report(source.Span, $"'{path}' is {kind}: copied into a layer, it can be read by anyone who pulls the image; pass it at build time with RUN --mount=type=secret, or at run time");
                }
            }
        });
        context.RegisterInstructionAction<EnvInstruction>(context =>
        {
            foreach (var pair in context.Instruction.Pairs)
            {
                if (pair.Key.Value is { } name && s_credentialVariables.Contains(name, StringComparer.Ordinal)
                    && pair.Value.Value is { Length: > 0 } file && file.StartsWith('/')
                    && context.Instruction.Stage is { } stage && WrittenByCopy(stage, file))
                {
                    context.Report(pair.Syntax.Span, $"{name} points at {file}, which a COPY/ADD of this stage puts into the image: the credentials are in a layer; mount them at run time instead");
                }
            }
        });
    }

    /// <summary>What kind of credentials file the path names, or null.</summary>
    internal static string? Kind(string path)
    {
        if (path.Contains('*', StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var normal = path.Replace('\\', '/').TrimEnd('/');
        var name = normal[(normal.LastIndexOf('/') + 1)..];
        if (s_pathEndings.Any(e => normal.EndsWith(e, StringComparison.OrdinalIgnoreCase) && (normal.Length == e.Length || normal[^(e.Length + 1)] == '/')))
        {
            return "a credentials file";
        }

        if (s_names.Contains(name))
        {
            return name.StartsWith("id_", StringComparison.Ordinal) ? "an SSH private key" : "a file that holds credentials";
        }

        if (name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) && !s_templateSuffixes.Any(t => name.EndsWith("." + t, StringComparison.OrdinalIgnoreCase)))
        {
            return "an environment file, which usually holds credentials";
        }

        return s_extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) ? "a key store with a private key" : null;
    }

    private static bool WrittenByCopy(Stage stage, string file)
        => stage.OfType<FileTransferInstruction>().Any(copy => copy is not CopyInstruction { From: not null }
            && copy.Destination?.Value is { } destination
            && (destination == file || (destination.EndsWith('/') && destination != "/" && file.StartsWith(destination, StringComparison.Ordinal))));
}
