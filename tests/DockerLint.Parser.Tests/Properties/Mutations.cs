using CsCheck;

namespace DockerLint.Parser.Tests.Properties;

/// <summary>
/// Generated inputs for the property tests: strings of Dockerfile-ish fragments, and mutations of real
/// files (insert, delete or duplicate a slice, flip line endings). Every test draws all of its cases from
/// one generator run with <see cref="Seed"/> and one iteration, so the cases are the same on every run
/// and on CI; a failure names the case and its seed, its text escaped.
/// <para>
/// A long run: <c>DOCKERLINT_PROPERTY_ITERATIONS=N</c> makes every property test draw its cases N times,
/// the first time with <see cref="Seed"/>, then with a fresh random seed each time (printed with the
/// case count); <c>DOCKERLINT_PROPERTY_SEED=S</c> draws them once with the seed S (to replay a failure).
/// </para>
/// </summary>
internal static class Mutations
{
    /// <summary>The fixed CsCheck seed of every property test (change it, or set <c>CsCheck_Seed</c>, to explore).</summary>
    public const string Seed = "0N0XIzNsQ0O2";

    /// <summary>The characters of a CsCheck seed.</summary>
    private const string SeedAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";

    /// <summary>The seeds each property test draws its cases with (see the class summary).</summary>
    public static IEnumerable<string> Seeds
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOCKERLINT_PROPERTY_SEED") is { Length: > 0 } replay)
            {
                yield return replay;
                yield break;
            }

            yield return Seed;
            var iterations = int.TryParse(Environment.GetEnvironmentVariable("DOCKERLINT_PROPERTY_ITERATIONS"), out var n) ? n : 1;
            for (var i = 1; i < iterations; i++)
            {
                yield return System.Security.Cryptography.RandomNumberGenerator.GetString(SeedAlphabet, 12);
            }
        }
    }

    /// <summary>The pieces random Dockerfiles are built from.</summary>
    public static readonly string[] DockerfileFragments =
    [
        "FROM ", "from ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "WORKDIR ", "USER ", "CMD ", "ENTRYPOINT ",
        "HEALTHCHECK ", "ONBUILD ", "SHELL ", "EXPOSE ", "LABEL ", "STOPSIGNAL ", "VOLUME ", "MAINTAINER ", " AS ", "NONE",
        "# escape=`\n", "# escape=\\\n", "# escape=x\n", "# syntax=docker/dockerfile:1\n", "# check=skip=all\n", "#", "# comment\n",
        "--mount=type=cache,target=/root/.cache ", "--mount=type=secret,id=a ", "--from=build ", "--chmod=755 ", "--chown=1:1 ",
        "--platform=$BUILDPLATFORM ", "--network=none ", "--link ", "--", "-", "=", "==", ",",
        "\"", "'", "\\", "`", "\\\n", "`\n", "\\\r\n", "`\r\n", "\\ \n", "\\\t\n",
        "<<EOF\n", "<<-EOF\n", "<<'EOF'\n", "<<\"EOF\"\n", "<<EOF", "<<", "EOF\n", "EOF", "\tEOF\n", "<<A <<B\n", "A\n", "B\n",
        "${", "}", "${A}", "${A:-x}", "${A:-${B:+${C}}}", "${A#*}", "${A%%.*}", "${A/x/y}", "$", "$A", "$(", ")", "$((1+2))", "$(echo ${A:-$(id)})",
        "[", "]", "[\"sh\", \"-c\"]", "[\"a\",", "{", "&&", "||", "|", ";", "&", ">", "<", "2>&1",
        "alpine:3.20", "alpine@sha256:0123", "/app", "./src", "*.txt", "0.0.0.0:80/tcp", "\"quoted value\"", "'single'",
        "\n", "\r\n", "\r", "\n\n", "\t", " ", "  ", "\0", "\u00A0", "\uFEFF", "é", "日本語", "\U0001F600", "\u2028", "\uD800",
    ];

    /// <summary>Random Dockerfile-ish strings: 0–80 fragments, now and then a random character.</summary>
    public static Gen<string> DockerfileText { get; } =
        Gen.Frequency(
                (9, Gen.OneOf(DockerfileFragments)),
                (1, Gen.Char.Select(c => c.ToString())))
            .Array[0, 80]
            .Select(string.Concat);

    /// <summary>One to three mutations of <paramref name="texts"/>[i], with the index of the file mutated.</summary>
    public static Gen<(int File, string Text)> Mutated(IReadOnlyList<string> texts)
        => Gen.Select(
            Gen.Int[0, texts.Count - 1],
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Int[0, 200]).Array[1, 3],
            (file, edits) => (file, edits.Aggregate(texts[file], (text, e) => Apply(text, e.Item1, e.Item2, e.Item3, e.Item4))));

    /// <summary>Runs <paramref name="gen"/> once with <paramref name="seed"/> (the fixed one by default) to draw <paramref name="count"/> cases.</summary>
    public static T[] Draw<T>(Gen<T> gen, int count, string seed = Seed)
    {
        T[] cases = [];
        gen.Array[count].Sample(drawn => cases = drawn, seed: seed, iter: 1, threads: 1);
        return cases;
    }

    /// <summary>The text with C# escapes for control characters, so a failing case can be pasted into a regression test.</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c > '\u007E' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Apply(string text, int op, int a, int b, int length)
    {
        var start = text.Length == 0 ? 0 : a % (text.Length + 1);
        var count = Math.Min(length, text.Length - start);
        var at = text.Length == 0 ? 0 : b % (text.Length + 1);
        return op switch
        {
            0 => text.Remove(start, count), // delete a slice
            1 => text.Insert(at, text.Substring(start, count)), // insert a slice elsewhere
            2 => text.Insert(start + count, text.Substring(start, count)), // duplicate a slice in place
            3 => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", b % 2 == 0 ? "\r\n" : "\r", StringComparison.Ordinal), // flip line endings
            _ => text.Insert(at, DockerfileFragments[length % DockerfileFragments.Length]), // insert a fragment
        };
    }
}
