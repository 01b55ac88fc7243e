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
        ["DC0001"] = ("services:\n  web:\n    image: nginx: 1.27", "services:\n  web:\n    image: \"nginx:1.27\""),
        ["DC0002"] = ("services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.28", "services:\n  web:\n    image: nginx:1.28"),
        ["DC0003"] = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# … nine more levels", "x-defaults: &defaults\n  restart: unless-stopped"),
        ["DC0004"] = ("services:\n  web:\n    image: !vault secret/image", "services:\n  web:\n    image: ${WEB_IMAGE}"),
        ["DC0005"] = ("include:\n  - ./missing/compose.yaml", "include:\n  - ./db/compose.yaml"),
        ["DC0010"] = ("services:\n  web:\n    ports: 80", "services:\n  web:\n    ports:\n      - \"127.0.0.1:80:80\""),
        ["DC0011"] = ("services:\n  web:\n    enviroment:\n      LOG_LEVEL: info", "services:\n  web:\n    environment:\n      LOG_LEVEL: info"),
        ["DC0020"] = ("services:\n  web:\n    image: ${IMAGE:?set IMAGE}", "services:\n  web:\n    image: ${IMAGE:-example/web:1.4}"),
        ["DC0021"] = ("services:\n  web:\n    command: echo ${HOME", "services:\n  web:\n    command: echo $${HOME}"),
        ["DC0022"] = ("# .env\nDB HOST=db", "# .env\nDB_HOST=db"),
        ["DC0030"] = ("services:\n  web:\n    extends:\n      service: bas", "services:\n  base:\n    restart: always\n  web:\n    extends:\n      service: base"),
        ["DC0040"] = ("services:\n  web:\n    environment:\n      DEBUG: yes", "services:\n  web:\n    environment:\n      DEBUG: \"yes\""),
        ["DC0041"] = ("services:\n  ssh:\n    ports:\n      - 22:22", "services:\n  ssh:\n    ports:\n      - \"127.0.0.1:22:22\""),
    };
}
