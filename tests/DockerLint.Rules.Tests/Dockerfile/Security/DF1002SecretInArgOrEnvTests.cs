namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1002SecretInArgOrEnvTests
{
    private const string Id = "DF1002";

    // Token-shaped test values are built by concatenation so that secret scanners do not take this file for a leak.
    private const string GitHubToken = "ghp_" + "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
    private const string AwsKeyId = "AKIA" + "ZDOCIS2JHTLGMXGE";
    private const string GoogleKey = "AIza" + "hA-2O76UMFxFkM-R5Kjp1vRt_1fjORS-6il";
    private const string SlackToken = "xoxb-" + "123456789012-1234567890123-8rESQedUStPKR0CsTy4Qwb8D";

    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD={|#0:s3cr3t-pa55|}\n", TestName = "ENV password")]
    [TestCase("FROM alpine:3.20\nENV POSTGRES_PASSWORD {|#0:hunter2|}\n", TestName = "legacy ENV form")]
    [TestCase("FROM alpine:3.20\nENV A=1 API_KEY={|#0:\"k-19f0a8c2\"|} B=2\n", TestName = "one pair of several, quoted")]
    [TestCase("FROM alpine:3.20\nARG NPM_TOKEN={|#0:abcdef123456|}\n", TestName = "ARG default")]
    [TestCase("ARG REGISTRY_PASSWORD={|#0:p4ss|}\nFROM alpine:3.20\n", TestName = "global ARG default")]
    [TestCase("FROM alpine:3.20\nENV dbPassword={|#0:pa55word1|}\n", TestName = "camelCase name")]
    [TestCase("FROM alpine:3.20\nENV MYSQLPASSWORD={|#0:pa55word1|}\n", TestName = "secret word at the end of a segment")]
    [TestCase("FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY={|#0:wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzKEY|}\n", TestName = "AWS secret access key by name")]
    [TestCase("FROM alpine:3.20\nENV SECRET_KEY_BASE={|#0:9f8e7d6c5b4a|}\n", TestName = "Rails secret key base")]
    [TestCase("FROM alpine:3.20\nENV SSH_KEY={|#0:abc123def|}\n", TestName = "SSH key by name")]
    [TestCase("FROM alpine:3.20\nENV DB_PASS={|#0:password|}\n", TestName = "a weak default password is still a literal")]
    [TestCase("FROM alpine:3.20\nENV A=1 \\\n    DB_PASSWORD={|#0:s3cr3t|}\n", TestName = "pair after a line continuation")]
    [TestCase("FROM alpine:3.20\nONBUILD ENV PASSWORD={|#0:x1y2z3|}\n", TestName = "ONBUILD ENV")]
    [TestCase("FROM alpine:3.20\nONBUILD ARG TOKEN={|#0:x1y2z3|}\n", TestName = "ONBUILD ARG")]
    [TestCase("FROM alpine:3.20\nENV GH={|#0:" + GitHubToken + "|}\n", TestName = "GitHub token whatever the name")]
    [TestCase("FROM alpine:3.20\nENV CFG=key={|#0:" + AwsKeyId + "|};region=eu\n", TestName = "AWS access key id inside a value: the token only")]
    [TestCase("FROM alpine:3.20\nARG MAPS={|#0:" + GoogleKey + "|}\n", TestName = "Google API key in an ARG")]
    [TestCase("FROM alpine:3.20\nENV HOOK={|#0:" + SlackToken + "|}\n", TestName = "Slack token")]
    [TestCase("FROM alpine:3.20\nENV KEY={|#0:\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow\"|}\n", TestName = "PEM private key block, quoted: the whole value")]
    [TestCase("FROM alpine:3.20\nENV K {|#0:-----BEGIN OPENSSH PRIVATE KEY-----|} b3BlbnNzaC1rZXktdjEAAAAA\n", TestName = "PEM private key header in a legacy ENV: the header")]
    [TestCase("FROM alpine:3.20\nENV GITHUB_TOKEN_URL=https://x/{|#0:" + GitHubToken + "|}\n", TestName = "a token beats a describing name")]
    [TestCase("FROM alpine:3.20\nARG PASS={|#0:abc|}\nENV DB_PASSWORD=${PASS}\n", TestName = "known through a variable: reported where the literal is written")]
    [TestCase("FROM alpine:3.20\nARG BASE\nENV URL={|#0:${BASE}/" + GitHubToken + "|}\n", TestName = "token in the literal part of an unknown value: the whole word")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_a_message_that_names_the_format_and_the_fix()
    {
        var diagnostic = Lint.Catches(Id, "FROM alpine:3.20\nENV GH={|#0:" + GitHubToken + "|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("a GitHub token").And.Contain("docker inspect").And.Contain("revoke"));
    }

    [Test]
    public void Fires_on_ARG_and_says_it_ends_up_in_the_history()
    {
        var diagnostic = Lint.Catches(Id, "FROM alpine:3.20\nARG DB_PASSWORD={|#0:hunter2|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("ARG DB_PASSWORD").And.Contain("image history").And.Contain("--mount=type=secret"));
    }

    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD=$DB_PASS\n", TestName = "variable reference")]
    [TestCase("FROM alpine:3.20\nARG TOKEN\nENV TOKEN=${TOKEN}\n", TestName = "ARG without default passed on to ENV")]
    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD=${DB_PASSWORD:-}\n", TestName = "empty default")]
    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD=\"\"\n", TestName = "empty value")]
    [TestCase("FROM alpine:3.20\nARG NPM_TOKEN\n", TestName = "ARG without default")]
    [TestCase("FROM alpine:3.20\nENV MYSQL_ROOT_PASSWORD_FILE=/run/secrets/db\n", TestName = "_FILE indirection")]
    [TestCase("FROM alpine:3.20\nENV TOKEN_PATH=/var/run/token SECRETS_DIR=/secrets\n", TestName = "_PATH and _DIR")]
    [TestCase("FROM alpine:3.20\nENV AUTH_TOKEN_URL=https://auth.example.com/token\n", TestName = "_URL")]
    [TestCase("FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=someid\n", TestName = "_ID")]
    [TestCase("FROM alpine:3.20\nENV PASSWORD_MIN_LENGTH=12 TOKEN_TTL=3600\n", TestName = "settings about a secret")]
    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD=/run/secrets/db_password\n", TestName = "absolute path value")]
    [TestCase("FROM alpine:3.20\nENV AUTH_TOKEN_REQUIRED=true USE_PASSWORD=false\n", TestName = "booleans")]
    [TestCase("FROM alpine:3.20\nENV ADMIN_PASSWORD=changeme\n", TestName = "changeme placeholder")]
    [TestCase("FROM alpine:3.20\nENV KEYSTORE_PASSWORD=changeit\n", TestName = "well-known Java keystore default")]
    [TestCase("FROM alpine:3.20\nENV API_KEY=<your-api-key> TOKEN={{token}} SECRET=xxxxxxxx\n", TestName = "template placeholders")]
    [TestCase("FROM alpine:3.20\nENV API_KEY=your_api_key_here\n", TestName = "your … here placeholder")]
    [TestCase("FROM alpine:3.20\nARG AWS_SECRET_ACCESS_KEY=FAKE_TO_GENERATE_WARNING_OUTPUT\n", TestName = "a value that says it is fake")]
    [TestCase("FROM alpine:3.20\nENV sa_password=\"_\"\n", TestName = "a value without a letter or digit")]
    [TestCase("FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n", TestName = "GPG key fingerprint")]
    [TestCase("FROM alpine:3.20\nENV PUBLIC_KEY=ssh-ed25519 KEY=abc PUBLISHABLE_KEY=pk_live_x\n", TestName = "public keys and a bare KEY")]
    [TestCase("FROM alpine:3.20\nENV TOKENIZERS_PARALLELISM=false PASSWORDLESS=1\n", TestName = "names that only contain a secret word")]
    [TestCase("FROM alpine:3.20\nENV PWD=/app OLDPWD=/\n", TestName = "PWD is a directory")]
    [TestCase("FROM alpine:3.20\nENV AWS_KEY=AKIAIOSFODNN7EXAMPLE\n", TestName = "AWS documentation sample key")]
    [TestCase("FROM alpine:3.20\nENV X=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", TestName = "token-shaped placeholder")]
    [TestCase("FROM alpine:3.20\nLABEL password=hunter2\n", TestName = "LABEL is not ARG or ENV")]
    [TestCase("FROM alpine:3.20\nRUN PASSWORD=hunter2 ./setup.sh\n", TestName = "RUN is not ARG or ENV")]
    [TestCase("FROM alpine:3.20\nENV TOKEN_PREFIX=ghx SECRET_NAME=db-credentials\n", TestName = "describing names")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    private static readonly DockerLint.Rules.Engine.RuleOptions s_patterns = Lint.Options(("secret-name-patterns", ["(?i)_pat$", "^VAULT_ROLE_ID$"]));

    [TestCase("FROM alpine:3.20\nENV GITLAB_PAT={|#0:abc123def456|}\n", TestName = "name matched by a (?i) pattern")]
    [TestCase("FROM alpine:3.20\nARG gitlab_pat={|#0:abc123def456|}\n", TestName = "ARG default, lower case name, (?i)")]
    [TestCase("FROM alpine:3.20\nENV A=1 \\\n    VAULT_ROLE_ID={|#0:4f2a9c1e|}\n", TestName = "anchored pattern, after a continuation")]
    [TestCase("FROM alpine:3.20\nENV DB_PASSWORD={|#0:s3cr3t|}\n", TestName = "built-in names still count with the option")]
    public void Fires_on_names_matched_by_secret_name_patterns(string markup) => Lint.Catches(Id, markup, s_patterns);

    [TestCase("FROM alpine:3.20\nENV GITLAB_PAT=abc123def456\n", TestName = "without the option the name is not a secret name")]
    [TestCase("FROM alpine:3.20\nENV VAULT_ROLE_ID=4f2a9c1e\n", TestName = "nor an anchored one")]
    public void Stays_quiet_on_custom_names_without_the_option(string text) => Lint.CatchesNot(Id, text);

    [TestCase("FROM alpine:3.20\nENV GITLAB_PAT=${PAT}\n", TestName = "matched name with a variable")]
    [TestCase("FROM alpine:3.20\nENV GITLAB_PAT=changeme\n", TestName = "matched name with a placeholder")]
    [TestCase("FROM alpine:3.20\nARG GITLAB_PAT\n", TestName = "matched ARG without a default")]
    [TestCase("FROM alpine:3.20\nENV MY_VAULT_ROLE_ID=4f2a9c1e PATH_PATTERN=x\n", TestName = "anchors respected, no match inside other names")]
    public void Stays_quiet_with_secret_name_patterns_when_no_secret_is_written(string text) => Lint.CatchesNot(Id, text, s_patterns);

    [Test]
    public void Stays_quiet_with_a_case_sensitive_pattern_on_another_case()
        => Lint.CatchesNot(Id, "FROM alpine:3.20\nENV gitlab_pat=abc123def456\n", Lint.Options(("secret-name-patterns", ["_PAT$"])));

    [Test]
    public void Stays_quiet_with_a_pattern_that_does_not_compile()
        => Lint.CatchesNot(Id, "FROM alpine:3.20\nENV GITLAB_PAT=abc123def456\n", Lint.Options(("secret-name-patterns", ["(unclosed"])));
}
