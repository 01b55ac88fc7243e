using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DockerLint.Rules.Secrets;

/// <summary>A known credential format found in a value.</summary>
/// <param name="Format">What was found, as a phrase: <c>a GitHub token</c>, <c>a private key (PEM)</c>.</param>
/// <param name="Start">Offset of the match in the value.</param>
/// <param name="Length">Length of the match.</param>
internal readonly record struct SecretToken(string Format, int Start, int Length);

/// <summary>
/// Recognises secrets the way a reviewer would: by the name of the variable that holds them
/// (<see cref="IsSecretName"/>), by the shape of well-known credentials (<see cref="FindToken"/>),
/// and by values that cannot be secrets even under such a name (<see cref="IsInertValue"/>).
/// Knows nothing about Compose or Dockerfiles, so both kinds of rules can share it.
/// </summary>
internal static partial class SecretPatterns
{
    /// <summary>Words (after splitting a name) that name a secret on their own.</summary>
    private static readonly HashSet<string> s_secretWords = new(StringComparer.Ordinal)
    {
        "PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE", "PASS", "PWD", "SECRET", "SECRETS", "TOKEN", "TOKENS",
        "CREDENTIAL", "CREDENTIALS", "APIKEY", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY",
    };

    /// <summary>Endings that make a run-together word a secret word (<c>DBPASS</c>, <c>PGPASSWORD</c>, <c>AUTHTOKEN</c>).</summary>
    private static readonly string[] s_secretEndings = ["PASSWORD", "PASSWD", "PASSPHRASE", "PASS", "SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "SECRETKEY", "PRIVATEKEY"];

    /// <summary>Words that end like a secret word but are not one.</summary>
    private static readonly HashSet<string> s_notSecretWords = new(StringComparer.Ordinal)
    {
        "BYPASS", "COMPASS", "ENCOMPASS", "SURPASS", "TRESPASS", "OVERPASS", "UNDERPASS", "OLDPWD",
    };

    /// <summary>Words before <c>KEY</c> that make it a secret (<c>API_KEY</c>, <c>SECRET_KEY</c>, <c>APP_KEY</c>); <c>CACHE_KEY</c> or <c>TLS_KEY</c> are not.</summary>
    private static readonly HashSet<string> s_keyQualifiers = new(StringComparer.Ordinal)
    {
        "API", "SECRET", "PRIVATE", "ACCESS", "ENCRYPTION", "DECRYPTION", "ENCRYPT", "CRYPT", "CRYPTO", "SIGNING", "SIGN",
        "MASTER", "APP", "LICENSE", "CLIENT", "SHARED", "HMAC", "JWT", "SESSION", "AUTH", "ACCOUNT", "STORAGE", "SSH",
    };

    /// <summary>Words that may follow the secret word and keep the name a secret (<c>SECRET_KEY_BASE</c>, <c>TOKEN_VALUE</c>).</summary>
    private static readonly HashSet<string> s_trailingWords = new(StringComparer.Ordinal)
    {
        "VALUE", "STRING", "BASE", "BASE64", "B64", "HEX", "RAW", "PLAIN", "PLAINTEXT",
    };

    /// <summary>Words that make the name a setting about a secret rather than the secret (<c>ALLOW_EMPTY_PASSWORD</c>, <c>NEXT_PUBLIC_API_KEY</c>).</summary>
    private static readonly HashSet<string> s_settingWords = new(StringComparer.Ordinal)
    {
        "PUBLIC", "ALLOW", "ALLOWED", "ENABLE", "ENABLED", "DISABLE", "DISABLED", "REQUIRE", "REQUIRED", "RANDOM", "EMPTY",
        "SKIP", "GENERATE", "USE", "NO", "IS", "HAS",
    };

    private static readonly (Func<Regex> Pattern, string Format)[] s_tokens =
    [
        (PemPrivateKey, "a private key (PEM)"),
        (AwsAccessKeyId, "an AWS access key ID"),
        (GitHubToken, "a GitHub token"),
        (GitLabToken, "a GitLab token"),
        (SlackToken, "a Slack token"),
        (SlackWebhook, "a Slack webhook URL"),
        (GoogleApiKey, "a Google API key"),
        (StripeKey, "a Stripe live key"),
        (NpmToken, "an npm token"),
        (UrlWithPassword, "a URL with a password"),
        (PyPiToken, "a PyPI token"),
        (DockerHubToken, "a Docker Hub access token"),
        (HuggingFaceToken, "a Hugging Face token"),
        (OpenAiKey, "an OpenAI API key"),
        (AnthropicKey, "an Anthropic API key"),
    ];

    /// <summary>The compiled <c>secret-name-patterns</c>, by pattern text; null for a pattern that does not compile.</summary>
    private static readonly ConcurrentDictionary<string, Regex?> s_extraPatterns = new(StringComparer.Ordinal);

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Matches(Regex regex, string name)
    {
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Values that say they are not a real secret: placeholders and non-values.</summary>
    private static readonly ImmutableHashSet<string> s_placeholderValues = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "nil", "undefined", "unset", "empty", "disabled", "enabled", "changeme", "change_me", "change-me", "changeit", "replaceme",
        "replace_me", "replace-me", "placeholder", "redacted", "dummy", "todo", "tbd", "fixme", "notset", "not_set", "not-set");

    /// <summary>
    /// True when a variable, argument or label name says it holds a secret: one of its words
    /// (split at <c>_</c>, <c>-</c>, <c>.</c> and camel case) is password, passwd, pass, pwd,
    /// passphrase, secret, token, credential(s), or key after api/secret/private/access/… — and only
    /// words such as <c>VALUE</c> or <c>BASE</c> follow it. Names that point to where a secret is
    /// (<c>*_FILE</c>, <c>*_PATH</c>, <c>*_DIR</c>, <c>*_URL</c>) or describe it
    /// (<c>PASSWORD_MIN_LENGTH</c>, <c>TOKEN_TTL</c>) are not secret names, nor are settings
    /// (<c>ALLOW_EMPTY_PASSWORD</c>) and public values (<c>NEXT_PUBLIC_API_KEY</c>).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        var words = SplitWords(name);
        var last = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (IsSecretWord(words, i))
            {
                last = i;
            }
        }

        if (last < 0 || (words.Count == 1 && words[0] == "PWD"))
        {
            return false;
        }

        for (var i = last + 1; i < words.Count; i++)
        {
            if (!s_trailingWords.Contains(words[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < last; i++)
        {
            if (s_settingWords.Contains(words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="name"/> is a secret name by <see cref="IsSecretName(string)"/>, or when one of
    /// <paramref name="extraPatterns"/> (the option <c>secret-name-patterns</c>: .NET regular expressions, searched
    /// in the name as written, case-sensitive unless they say <c>(?i)</c>) matches it. The extra patterns only add
    /// names; an invalid pattern (the configuration reader already rejects them) or one that times out matches nothing.
    /// </summary>
    public static bool IsSecretName(string name, ImmutableArray<string> extraPatterns)
    {
        if (IsSecretName(name))
        {
            return true;
        }

        if (extraPatterns.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var pattern in extraPatterns)
        {
            if (s_extraPatterns.GetOrAdd(pattern, Compile) is { } regex && Matches(regex, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first well-known credential in <paramref name="value"/>; null when there is none.</summary>
    public static SecretToken? FindToken(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var (pattern, format) in s_tokens)
        {
            for (var match = pattern().Match(value); match.Success; match = match.NextMatch())
            {
                if (!IsExample(match.Value))
                {
                    return new SecretToken(format, match.Index, match.Length);
                }
            }
        }

        return null;
    }

    /// <summary>What well-known credential <paramref name="value"/> holds (<c>a GitHub token</c>); null when none.</summary>
    public static string? FindTokenFormat(string value) => FindToken(value)?.Format;

    /// <summary>
    /// True for a value that cannot be a secret even under a secret name: empty, a boolean flag
    /// (<c>true</c>, <c>no</c>), a file path or file name (<c>/run/secrets/db</c>, <c>server.key</c>, <c>kafka_keystore_creds</c>),
    /// a reference to a secret store (<c>vault:…</c>, <c>arn:aws:secretsmanager:…</c>, <c>op://…</c>),
    /// or a placeholder (<c>&lt;password&gt;</c>, <c>{{ .Token }}</c>, <c>****</c>).
    /// </summary>
    public static bool IsInertValue(string value)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "none")
        {
            return true;
        }

        return FilePath().IsMatch(text) || FileName().IsMatch(text) || SecretReference().IsMatch(text) || Placeholder().IsMatch(text)
            || IsPlaceholder(text);
    }

    /// <summary>
    /// True for a value that asks to be replaced or says it is fake (<c>changeme</c>, <c>your-token-here</c>,
    /// <c>%PASSWORD%</c>, <c>dummy-secret</c>), or a value without a letter or digit. A number is not a
    /// placeholder: a numeric password or PIN is still a literal secret.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim();
        return !text.Any(char.IsAsciiLetterOrDigit)
            || s_placeholderValues.Contains(text)
            || FakeWord().IsMatch(text)
            || PlaceholderShape().IsMatch(text);
    }

    /// <summary>Splits a name into upper-case words at non-alphanumeric characters and camel-case humps.</summary>
    internal static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : '\0';
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush(i);
                start = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = name[i - 1];
            var humpStart = char.IsAsciiLetterUpper(c)
                && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)
                    || (char.IsAsciiLetterUpper(previous) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1])));
            if (humpStart)
            {
                Flush(i);
                start = i;
            }
        }

        return words;

        void Flush(int end)
        {
            if (start >= 0 && end > start)
            {
                words.Add(name[start..end].ToUpperInvariant());
            }
        }
    }

    private static bool IsSecretWord(List<string> words, int i)
    {
        var word = words[i];
        if (s_notSecretWords.Contains(word))
        {
            return false;
        }

        if (s_secretWords.Contains(word) || s_secretEndings.Any(e => word.Length > e.Length && word.EndsWith(e, StringComparison.Ordinal)))
        {
            return true;
        }

        return word == "KEY" && i > 0 && s_keyQualifiers.Contains(words[i - 1]);
    }

    /// <summary>Documentation samples are not secrets: AWS's <c>…EXAMPLE</c> keys, <c>ghp_xxxx…</c> with no variety.</summary>
    private static bool IsExample(string match)
    {
        if (match.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var tail = match.Length > 12 ? match[^12..] : match;
        return tail.Distinct().Count() <= 2;
    }

    [GeneratedRegex(@"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", RegexOptions.CultureInvariant)]
    private static partial Regex PyPiToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant)]
    private static partial Regex DockerHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}", RegexOptions.CultureInvariant)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"^(?:%[^%]+%|__[^_].*__|\[[A-Za-z _-]+\]|(?:your|my|enter|insert)[-_ ].*|.*[-_](?:here|goes[-_]here))$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderShape();

    [GeneratedRegex(@"(?<![A-Za-z])(?:fake|dummy|example|sample|placeholder|changeme|redacted)(?![a-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FakeWord();

    [GeneratedRegex(@"-----BEGIN[ A-Z0-9]*PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}")]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])xox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{6,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])")]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:sk|rk)_live_[0-9A-Za-z]{24,}")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])")]
    private static partial Regex NpmToken();

    /// <summary><c>scheme://user:password@host</c>, the password not empty and not a leftover <c>$VAR</c>.</summary>
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*:(?!\$)[^\s/@]+@")]
    private static partial Regex UrlWithPassword();

    [GeneratedRegex(@"^(?:/|\./|\.\./|~/)\S*$")]
    private static partial Regex FilePath();

    /// <summary>A file name with a key, certificate or configuration extension, or one that ends in <c>_creds</c> (Confluent images' credential files).</summary>
    [GeneratedRegex(@"^[\w.-]+(?:\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|truststore|json|txt|ya?ml|conf|cfg|ini|env|creds?|secret|gpg|asc)|[_.-]creds?)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^(?:vault:|op://|secret://|sm://|arn:aws:(?:secretsmanager|ssm):|projects/[^/\s]+/secrets/)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"^(?:<[^<>]+>|\{\{.*\}\}|(.)\1{2,})$")]
    private static partial Regex Placeholder();
}
