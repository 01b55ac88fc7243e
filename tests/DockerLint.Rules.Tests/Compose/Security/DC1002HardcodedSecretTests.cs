namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1002HardcodedSecretTests
{
    private const string Id = "DC1002";
    // Fake credentials, split so that secret scanners do not take this file for a leak.
    private const string GitHubToken = "ghp" + "_0123456789abcdefghijABCDEFGHIJ012345";
    private const string AwsKeyId = "AKIA" + "Z3MSJV4WWNKLOUOP";
    private const string SlackToken = "xoxb" + "-123456789012-abcdefABCDEF";
    private const string GoogleKey = "AIza" + "SyA0123456789abcdefghijABCDEFGHIJ_x";
    private const string GitLabToken = "glpat" + "-0123456789abcdefghij";
    private const string PemHeader = "-----BEGIN RSA PRIVATE" + " KEY-----";
    private const string NpmToken = "npm" + "_0123456789abcdefghijABCDEFGHIJ012345";
    private const string Env = "DB_PASSWORD=from-dotenv\nAPI_TOKEN=\nGH=" + GitHubToken + "\n";

    private static string Service(string body) => "services:\n  app:\n    image: a:1\n" + body;

    [TestCase("    environment:\n      POSTGRES_PASSWORD: {|#0:s3cret|}\n", TestName = "mapping form")]
    [TestCase("    environment:\n      - POSTGRES_PASSWORD={|#0:s3cret|}\n", TestName = "list form, on the value")]
    [TestCase("    environment:\n      - \"DB_PASS={|#0:two words|}\"\n", TestName = "quoted list item, on the value")]
    [TestCase("    environment:\n      MYSQL_ROOT_PASSWORD: {|#0:12345|}\n", TestName = "a number")]
    [TestCase("    environment:\n      dbPassword: {|#0:hunter2|}\n", TestName = "camel case")]
    [TestCase("    environment:\n      REDISPASS: {|#0:hunter2|}\n", TestName = "run-together name")]
    [TestCase("    environment:\n      SECRET_KEY_BASE: {|#0:f00ba4|}\n", TestName = "secret key base")]
    [TestCase("    environment:\n      STRIPE_API_KEY: {|#0:abc123|}\n", TestName = "api key")]
    [TestCase("    environment:\n      JWT_SECRET: {|#0:abc123|}\n", TestName = "jwt secret")]
    [TestCase("    environment:\n      GITHUB_TOKEN: {|#0:abc123|}\n", TestName = "token")]
    [TestCase("    environment:\n      AWS_ACCESS_KEY_ID: {|#0:" + AwsKeyId + "|}\n", TestName = "AWS key ID under a name that is not secret")]
    [TestCase("    environment:\n      REMOTE: {|#0:https://x:" + GitHubToken + "@github.com/o/r|}\n", TestName = "GitHub token in a URL")]
    [TestCase("    environment:\n      DATABASE_URL: {|#0:postgres://app:pw@db:5432/app|}\n", TestName = "URL with a password")]
    [TestCase("    environment:\n      SLACK: {|#0:" + SlackToken + "|}\n", TestName = "Slack token")]
    [TestCase("    environment:\n      MAPS: {|#0:" + GoogleKey + "|}\n", TestName = "Google API key")]
    [TestCase("    environment:\n      KEY_PEM: {|#0:\"" + PemHeader + "\\nMIIE\\n-----END RSA PRIVATE KEY-----\"|}\n", TestName = "PEM private key")]
    [TestCase("    environment:\n      DB_PASSWORD: {|#0:${DB_PASSWORD:-changeme}|}\n      OTHER_PASSWORD: ${OTHER_PASSWORD:-}\n", TestName = "a literal default")]
    [TestCase("    environment:\n      DB_PASSWORD: {|#0:${DB_PASSWORD}|}\n", TestName = "from .env")]
    [TestCase("    environment:\n      - DB_PASSWORD={|#0:${DB_PASSWORD}|}\n", TestName = "from .env, list form")]
    [TestCase("    environment:\n      REPO_URL: {|#0:https://${GH}@github.com/o/r|}\n", TestName = "a token from .env in any value")]
    [TestCase("    build:\n      context: .\n      args:\n        NPM_TOKEN: {|#0:abc123|}\n", TestName = "build argument, mapping")]
    [TestCase("    build:\n      context: .\n      args:\n        - NPM_TOKEN={|#0:abc123|}\n", TestName = "build argument, list")]
    [TestCase("    labels:\n      deploy.key: {|#0:\"-----BEGIN OPENSSH PRIVATE" + " KEY-----\"|}\n", TestName = "label with a private key")]
    [TestCase("    build:\n      context: .\n      labels:\n        - ci.token={|#0:" + GitLabToken + "|}\n", TestName = "build label with a GitLab token")]
    public void Fires(string body) => Lint.ComposeCatches(Id, Service(body), Env);

    [TestCase("x-env: &env\n  POSTGRES_PASSWORD: {|#0:pw|}\nservices:\n  a:\n    image: a:1\n    environment: *env\n  b:\n    image: b:1\n    environment: *env\n", TestName = "alias: reported once where written")]
    [TestCase("x-env: &env\n  POSTGRES_PASSWORD: {|#0:pw|}\nservices:\n  a:\n    image: a:1\n    environment:\n      <<: *env\n      OTHER: 1\n", TestName = "merge key: reported where written")]
    public void Fires_on_shared_values(string markup) => Lint.ComposeCatches(Id, markup);

    [Test]
    public void Fires_saying_where_the_value_comes_from()
    {
        var written = Lint.ComposeCatches(Id, Service("    environment:\n      DB_PASSWORD: s3cret\n"));
        var fromDefault = Lint.ComposeCatches(Id, Service("    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-s3cret}\n"));
        var fromEnvFile = Lint.ComposeCatches(Id, Service("    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-s3cret}\n"), Env);
        var token = Lint.ComposeCatches(Id, Service("    environment:\n      NPM: " + NpmToken + "\n"));
        var tokenFromEnvFile = Lint.ComposeCatches(Id, Service("    environment:\n      REPO: https://${GH}@github.com/o/r\n"), Env);
        var tokenInDefault = Lint.ComposeCatches(Id, Service("    environment:\n      REPO: https://${NOT_SET:-" + GitHubToken + "}@github.com/o/r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(written.Single().GetMessage(), Does.Contain("'DB_PASSWORD' has a hard-coded value").And.Contain("service 'app'"));
            Assert.That(fromDefault.Single().GetMessage(), Does.Contain("hard-coded default"));
            Assert.That(fromEnvFile.Single().GetMessage(), Does.Contain("env file"));
            Assert.That(token.Single().GetMessage(), Does.Contain("holds an npm token"));
            Assert.That(tokenFromEnvFile.Single().GetMessage(), Does.Contain("takes a GitHub token from the project's env file"));
            Assert.That(tokenInDefault.Single().GetMessage(), Does.Contain("holds a GitHub token"));
        });
    }

    [Test]
    public void Fires_in_the_override_file_that_sets_the_secret()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n"),
            ("compose.override.yaml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: {|#0:dev|}\n"));

    [TestCase("    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n", TestName = "unknown variable")]
    [TestCase("    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?required}\n", TestName = "required variable")]
    [TestCase("    environment:\n      DATABASE_URL: postgres://app:${DB_PW}@db/app\n", TestName = "URL with an unknown password")]
    [TestCase("    environment:\n      API_TOKEN: ${API_TOKEN}\n", TestName = "empty in .env")]
    [TestCase("    environment:\n      - TOKEN\n      - PASSWORD=\n      SECRET:\n", TestName = "no value")]
    [TestCase("    environment:\n      PASSWORD: \"\"\n      TOKEN:\n", TestName = "empty and null")]
    [TestCase("    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      TOKEN_PATH: tok\n      SECRETS_DIR: s\n", TestName = "names that point to a file")]
    [TestCase("    environment:\n      PASSWORD_MIN_LENGTH: 12\n      TOKEN_TTL: 3600\n      TOKEN_URL: https://auth/token\n      SECRET_NAME: db\n", TestName = "names that describe the secret")]
    [TestCase("    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: \"yes\"\n      MYSQL_RANDOM_ROOT_PASSWORD: 1\n      REQUIRE_TOKEN: x\n", TestName = "settings")]
    [TestCase("    environment:\n      PASSWORD_AUTH: \"true\"\n      USE_PASSWORD: no\n      PASSWORD: false\n", TestName = "flags")]
    [TestCase("    environment:\n      NEXT_PUBLIC_API_KEY: abc\n      PUBLIC_KEY: abc\n", TestName = "public keys")]
    [TestCase("    environment:\n      CONNECT_KEY_CONVERTER: org.apache.kafka.connect.storage.StringConverter\n      CACHE_KEY: abc\n      TLS_KEY: abc\n      VALKEY: 1\n", TestName = "keys that are not secrets")]
    [TestCase("    environment:\n      ORDERER_GENERAL_TLS_PRIVATEKEY: /var/hyperledger/orderer/tls/server.key\n      SSH_KEY: ~/.ssh/id_ed25519\n      KAFKA_SSL_KEY_CREDENTIALS: kafka.key.creds\n      KAFKA_SSL_KEYSTORE_CREDENTIALS: kafka_keystore_creds\n", TestName = "file paths and names")]
    [TestCase("    environment:\n      DB_PASSWORD: vault:secret/data/db#password\n      API_TOKEN: op://vault/item/token\n", TestName = "secret store references")]
    [TestCase("    environment:\n      DB_PASSWORD: <your-password>\n      API_TOKEN: \"****\"\n", TestName = "placeholders")]
    [TestCase("    environment:\n      PWD: /app\n      OLDPWD: /\n      BYPASS: 1\n", TestName = "shell variables and words that end like a secret")]
    [TestCase("    environment:\n      AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n", TestName = "AWS's documented example key")]
    [TestCase("    environment:\n      DATABASE_URL: postgres://db:5432/app\n      CACHE: redis://user@cache:6379\n", TestName = "URLs without a password")]
    [TestCase("    labels:\n      com.example.password: abc\n      traefik.http.routers.web.rule: Host(`example.com`)\n", TestName = "labels are checked for credential formats only")]
    [TestCase("    command: [\"--password\", \"s3cret\"]\n", TestName = "command is not checked")]
    public void Stays_quiet(string body) => Lint.ComposeCatchesNot(Id, Service(body), Env);

    [Test]
    public void Fires_in_the_env_file_a_service_names()
    {
        var diagnostics = ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  a:\n    image: a:1\n    env_file:\n      - app.env\n  b:\n    image: b:1\n    env_file: app.env\n"),
            ("app.env", "# database\nDB_HOST=db\nDB_PASSWORD={|#0:s3cr3t-Passw0rd|}\nGITHUB={|#1:ghp_0123456789abcdefghijABCDEFGHIJ012345|}\nTOKEN_TTL=3600\nAPI_KEY=\nSECRET_KEY=${FROM_SHELL}\n"));
        Assert.That(diagnostics[0].GetMessage(), Does.Contain("env_file app.env: variable 'DB_PASSWORD' has a literal value (services 'a' and 'b')"));
    }

    [Test]
    public void Fires_in_an_env_file_beside_an_extended_file()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    extends:\n      file: base/base.yaml\n      service: base\n    image: a:1\n"),
            ("base/base.yaml", "services:\n  base:\n    env_file:\n      - path: secrets.env\n        required: false\n"),
            ("base/secrets.env", "export REDIS_PASSWORD='{|#0:hunter2-but-longer|}'\n"));

    [Test]
    public void Stays_quiet_on_env_files_without_secrets_or_missing()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  a:\n    image: a:1\n    env_file:\n      - app.env\n      - path: missing.env\n        required: false\n      - ${ENV_FILE}\n"),
            ("app.env", "DB_HOST=db\nDB_PASSWORD=changeme\nDB_PASSWORD_FILE=/run/secrets/db\nPASSWORD\n"));

    private static readonly DockerLint.Rules.Engine.RuleOptions s_patterns = Lint.Options(("secret-name-patterns", ["(?i)_pat$"]));

    [TestCase("    environment:\n      GITLAB_PAT: {|#0:abc123def456|}\n", TestName = "environment mapping")]
    [TestCase("    environment:\n      - deploy_pat={|#0:abc123def456|}\n", TestName = "environment list, lower case")]
    [TestCase("    build:\n      context: .\n      args:\n        REGISTRY_PAT: {|#0:abc123def456|}\n", TestName = "build argument")]
    [TestCase("    environment:\n      GITLAB_PAT: {|#0:${GITLAB_PAT:-abc123def456}|}\n", TestName = "interpolation default")]
    public void Fires_on_names_matched_by_secret_name_patterns(string body) => Lint.ComposeCatches(Id, Service(body), options: s_patterns);

    [TestCase("    environment:\n      GITLAB_PAT: abc123def456\n", TestName = "no option")]
    public void Stays_quiet_on_custom_names_without_the_option(string body) => Lint.ComposeCatchesNot(Id, Service(body));

    [TestCase("    environment:\n      GITLAB_PAT: ${GITLAB_PAT}\n", TestName = "unknown variable")]
    [TestCase("    environment:\n      GITLAB_PAT: changeme\n", TestName = "placeholder")]
    [TestCase("    labels:\n      ci.gitlab_pat: abc123def456\n", TestName = "labels are not judged by name")]
    public void Stays_quiet_with_secret_name_patterns_when_no_secret_is_written(string body) => Lint.ComposeCatchesNot(Id, Service(body), options: s_patterns);
}
