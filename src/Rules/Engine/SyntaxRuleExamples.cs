namespace DockerLint.Rules.Engine;

/// <summary>A short example of each syntax diagnostic and its fix, for the rule documentation.</summary>
internal static class SyntaxRuleExamples
{
    /// <summary>The wrong and the right way, by ID; the fence language is dockerfile for DF, yaml for DC.</summary>
    public static IReadOnlyDictionary<string, (string Bad, string Good)> ById { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["DF0001"] = ("FROM alpine:3.20\nCOPPY app /app", "FROM alpine:3.20\nCOPY app /app"),
        ["DF0002"] = ("FROM alpine:3.20\nWORKDIR", "FROM alpine:3.20\nWORKDIR /app"),
        ["DF0003"] = ("FROM alpine:3.20\nRUN <<EOF\napk add curl", "FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF"),
        ["DF0004"] = ("# escape=^\nFROM alpine:3.20", "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022"),
        ["DF0005"] = ("FROM alpine:3.20\nRUN apk add \\\n\n    curl", "FROM alpine:3.20\nRUN apk add \\\n    curl"),
        ["DF0006"] = ("FROM alpine:3.20\nCOPY --chmode=644 app /app", "FROM alpine:3.20\nCOPY --chmod=644 app /app"),
        ["DF0007"] = ("FROM alpine:3.20\nCMD [\"sleep\", 10]", "FROM alpine:3.20\nCMD [\"sleep\", \"10\"]"),
        ["DF0008"] = ("# nothing but comments", "FROM alpine:3.20"),
        ["DF0009"] = ("FROM alpine:3.20\nENV DEBUG", "FROM alpine:3.20\nENV DEBUG=1"),
        ["DF0010"] = ("FROM alpine:3.20 AS 1st", "FROM alpine:3.20 AS first"),
        ["DF0011"] = ("RUN echo hi\nFROM alpine:3.20", "ARG VERSION=3.20\nFROM alpine:${VERSION}"),
        ["DF0012"] = ("FROM alpine:3.20\nWORKDIR /opt/${APP", "FROM alpine:3.20\nWORKDIR /opt/${APP}"),
        ["DF0013"] = ("# Dockerfile.generated: 40 MB written by a script\nFROM alpine:3.20\nRUN echo line-1 \\\n && echo line-2 \\\n # … 900,000 more lines", "FROM alpine:3.20\nCOPY steps.sh /tmp/\nRUN sh /tmp/steps.sh"),
        ["DF0014"] = ("# a gzip archive saved as Dockerfile; its first bytes (hex):\n# 1f 8b 08 00 00 00 00 00 00 03 ed …", "FROM alpine:3.20\nADD rootfs.tar.gz /"),
        ["DF0015"] = ("# saved as Windows-1252: é is the single byte E9\nFROM alpine:3.20\nLABEL maintainer=\"Ren\uFFFD Dupont\"", "# saved as UTF-8: é is C3 A9\nFROM alpine:3.20\nLABEL maintainer=\"René Dupont\""),
        ["DF0016"] = ("# saved by PowerShell's Out-File (UTF-16 LE): FF FE 46 00 52 00 4F 00 4D 00 …\nFROM alpine:3.20", "# saved as UTF-8 (Out-File -Encoding utf8NoBOM): 46 52 4F 4D …\nFROM alpine:3.20"),
        ["DC0001"] = ("services:\n  web:\n    image: nginx: 1.27", "services:\n  web:\n    image: \"nginx:1.27\""),
        ["DC0002"] = ("services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.28", "services:\n  web:\n    image: nginx:1.28"),
        ["DC0003"] = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# … nine more levels", "x-defaults: &defaults\n  restart: unless-stopped"),
        ["DC0004"] = ("services:\n  web:\n    image: !vault secret/image", "services:\n  web:\n    image: ${WEB_IMAGE}"),
        ["DC0005"] = ("include:\n  - ./missing/compose.yaml", "include:\n  - ./db/compose.yaml"),
        ["DC0006"] = ("# compose.yaml: 30 MB written by a script\nservices:\n  svc-1:\n    image: example/app:1.4\n  # … 400,000 more services", "services:\n  app:\n    image: example/app:1.4\n    deploy:\n      replicas: 400"),
        ["DC0007"] = ("# a SQLite database saved as compose.yaml; its first bytes (hex):\n# 53 51 4c 69 74 65 20 66 6f 72 6d 61 74 20 33 00 …", "services:\n  db:\n    image: postgres:16"),
        ["DC0008"] = ("# saved as Windows-1252: é is the single byte E9\nservices:\n  web:\n    labels:\n      owner: \"Ren\uFFFD\"", "# saved as UTF-8: é is C3 A9\nservices:\n  web:\n    labels:\n      owner: \"René\""),
        ["DC0010"] = ("services:\n  web:\n    ports: 80", "services:\n  web:\n    ports:\n      - \"127.0.0.1:80:80\""),
        ["DC0011"] = ("services:\n  web:\n    enviroment:\n      LOG_LEVEL: info", "services:\n  web:\n    environment:\n      LOG_LEVEL: info"),
        ["DC0020"] = ("services:\n  web:\n    image: ${IMAGE:?set IMAGE}", "services:\n  web:\n    image: ${IMAGE:-example/web:1.4}"),
        ["DC0021"] = ("services:\n  web:\n    command: echo ${HOME", "services:\n  web:\n    command: echo $${HOME}"),
        ["DC0022"] = ("# .env\nDB HOST=db", "# .env\nDB_HOST=db"),
        ["DC0030"] = ("services:\n  web:\n    extends:\n      service: bas", "services:\n  base:\n    restart: always\n  web:\n    extends:\n      service: base"),
        ["DC0040"] = ("services:\n  web:\n    environment:\n      DEBUG: yes", "services:\n  web:\n    environment:\n      DEBUG: \"yes\""),
        ["DF0090"] = ("# .dockerlint.yaml\noptions:\n  allowed-port: [80]", "# .dockerlint.yaml\noptions:\n  allowed-ports: [80]"),
        ["DF0091"] = ("# .dockerlint.yaml\ndisable: [DF9999]", "# .dockerlint.yaml\ndisable: [DF3001]"),
        ["DF0092"] = ("# .hadolint.yaml\nignored: [DL9999]", "# .hadolint.yaml\nignored: [DL3007]"),
        ["DF0093"] = ("# .editorconfig\n[Dockerfile*]\ndotnet_analyzer_diagnostic.category-Style.severity = loud", "# .editorconfig\n[Dockerfile*]\ndotnet_analyzer_diagnostic.category-Style.severity = suggestion"),
        ["DC0041"] = ("services:\n  ssh:\n    ports:\n      - 22:22", "services:\n  ssh:\n    ports:\n      - \"127.0.0.1:22:22\""),
    };

    /// <summary>
    /// The other tools' checks a syntax diagnostic stands for (see <see cref="Rule.Aliases"/>), so that their
    /// suppression comments and configuration names reach it. DF0010 is the bucket for malformed arguments:
    /// duplicate or invalid stage names, invalid ports, an invalid image reference (also from an ARG
    /// default), an invalid SHELL, HEALTHCHECK or ONBUILD form.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> AliasesById { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["DF0001"] = ["dockerfile-utils:UNKNOWN_INSTRUCTION"],
        ["DF0002"] = ["dockerfile-utils:ARGUMENT_MISSING"],
        ["DF0004"] = ["dockerfile-utils:INVALID_ESCAPE_DIRECTIVE"],
        ["DF0005"] = ["buildkit:NoEmptyContinuation", "dockerfile-utils:EMPTY_CONTINUATION_LINE"],
        ["DF0006"] =
        [
            "dockerfile-utils:UNKNOWN_ADD_FLAG", "dockerfile-utils:UNKNOWN_COPY_FLAG", "dockerfile-utils:UNKNOWN_FROM_FLAG",
            "dockerfile-utils:UNKNOWN_HEALTHCHECK_FLAG", "dockerfile-utils:FLAG_DUPLICATE", "dockerfile-utils:FLAG_MISSING_VALUE",
            "dockerfile-utils:FLAG_EXPECTED_BOOLEAN_VALUE", "dockerfile-utils:FLAG_INVALID_DURATION", "dockerfile-utils:FLAG_LESS_THAN_1MS",
            "dockerfile-utils:FLAG_INVALID_FROM_VALUE",
        ],
        ["DF0009"] = ["dockerfile-utils:SYNTAX_MISSING_EQUALS", "dockerfile-utils:SYNTAX_MISSING_NAMES", "dockerfile-utils:ARGUMENT_REQUIRES_TWO"],
        ["DF0010"] =
        [
            "hadolint:DL3011", "hadolint:DL3024", "hadolint:DL3043", "buildkit:DuplicateStageName", "buildkit:ExposeInvalidFormat",
            "buildkit:InvalidDefaultArgInFrom", "trivy:DS-0008", "trivy:DS-0012",
            "checkov:CKV_DOCKER_11", "kics:f2daed12-c802-49cd-afed-fe41d0b82fed", "kics:71bf8cf8-f0a1-42fa-b9d2-d10525e0a38e",
            "dockerfile-utils:DUPLICATE_BUILD_STAGE_NAME", "dockerfile-utils:INVALID_BUILD_STAGE_NAME", "dockerfile-utils:INVALID_PORT",
            "dockerfile-utils:INVALID_PROTO", "dockerfile-utils:INVALID_REFERENCE_FORMAT", "dockerfile-utils:SHELL_JSON_FORM",
            "dockerfile-utils:UNKNOWN_TYPE", "dockerfile-utils:ARGUMENT_UNNECESSARY", "dockerfile-utils:ONBUILD_TRIGGER_DISALLOWED",
            "dockerfile-utils:ONBUILD_CHAINING_DISALLOWED", "dockerfile-utils:INVALID_AS", "dockerfile-utils:ARGUMENT_REQUIRES_ONE_OR_THREE",
        ],
        ["DF0012"] = ["dockerfile-utils:UNSUPPORTED_MODIFIER"],
    };

    /// <summary>
    /// Why it matters, for the diagnostics about a file's bytes rather than its syntax, where the
    /// default ("BuildKit reads the file the same way and fails") is not the whole story.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WhyById { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DF0013"] = "Nothing in the file is checked, so its problems go unreported; a Dockerfile this large is almost always generated, and is better split into a script the Dockerfile copies and runs.",
        ["DF0014"] = "Nothing in the file is checked; if it really is meant as a Dockerfile, BuildKit cannot read it either.",
        ["DF0015"] = "BuildKit passes the bad bytes on unchanged, so labels, paths and commands carry text no tool reads the same way; the findings on the replaced characters may be off.",
        ["DF0090"] = "The setting does not apply, so a rule you meant to configure runs with its defaults; DockerLint reports it rather than guess.",
        ["DF0091"] = "The setting does not apply, so the rule you meant keeps running (or stays off); usually a typo in the ID.",
        ["DF0092"] = "The hadolint setting has no effect in DockerLint; a team moving from hadolint should know which of its decisions did not carry over.",
        ["DF0093"] = "The entry has no effect, so the rules keep their default severities.",
        ["DF0016"] = "docker build fails on the first line, although the file looks right in the editor that saved it.",
        ["DC0006"] = "Nothing in the file is checked, so its problems go unreported; a Compose file this large is almost always generated.",
        ["DC0007"] = "Nothing in the file is checked; docker compose cannot read it either.",
        ["DC0008"] = "docker compose rejects the file, or the bad bytes reach the containers as garbled text; the findings on the replaced characters may be off.",
    };
}
