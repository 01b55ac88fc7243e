using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests.Syntax;

[TestFixture]
public sealed class JsonArrayParserTests
{
    // BuildKit frontend/dockerfile/parser/testfiles/json: the text after "CMD" on each line and the
    // decoded arguments from its "result" file.
    [TestCase(" []", new string[0])]
    [TestCase(" [\"\"]", new[] { "" })]
    [TestCase(" [\"a\"]", new[] { "a" })]
    [TestCase(" [\"a\",\"b\"]", new[] { "a", "b" })]
    [TestCase(" [ \"a\", \"b\" ]", new[] { "a", "b" })]
    [TestCase(" [\t\"a\",\t\"b\"\t]", new[] { "a", "b" })]
    [TestCase("\t[\t\"a\",\t\"b\"\t]\t", new[] { "a", "b" })]
    [TestCase(
        " [\"abc 123\", \"\u2665\", \"\u2603\", \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\"]",
        new[] { "abc 123", "\u2665", "\u2603", "\" \\ / \b \f \n \r \t \0" })]
    public void BuildKitJsonTestFile(string arguments, string[] expected)
    {
        var result = JsonArrayParser.Parse(arguments);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.Elements.Select(e => e.Value), Is.EqualTo(expected));
            Assert.That(result.CommaOffsets, Has.Count.EqualTo(Math.Max(0, expected.Length - 1)));
            Assert.That(arguments[result.OpenBracketOffset], Is.EqualTo('['));
            Assert.That(arguments[result.CloseBracketOffset], Is.EqualTo(']'));
            AssertLossless(arguments, result);
        }
    }

    [TestCase("[\"a\"]", 0, 4)]
    [TestCase("  [\"a\", \"b\"]  ", 2, 11)]
    [TestCase("[]", 0, 1)]
    [TestCase("[ ]", 0, 2)]
    [TestCase("[\r\n]\r\n", 0, 3)]
    public void BracketOffsets(string text, int open, int close)
    {
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.OpenBracketOffset, Is.EqualTo(open));
            Assert.That(result.CloseBracketOffset, Is.EqualTo(close));
        }
    }

    [Test]
    public void ElementAndCommaOffsetsAreRelativeToTheWholeText()
    {
        const string text = "RUN [ \"echo\" ,\"a b\",\"\\n\" ] # trailing";
        var result = JsonArrayParser.Parse(text, 3, 24);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.OpenBracketOffset, Is.EqualTo(4));
            Assert.That(result.CloseBracketOffset, Is.EqualTo(25));
            Assert.That(result.Elements, Is.EqualTo(new[]
            {
                new JsonArrayElement("echo", 6, 6),
                new JsonArrayElement("a b", 14, 5),
                new JsonArrayElement("\n", 20, 4),
            }));
            Assert.That(result.CommaOffsets, Is.EqualTo(new[] { 13, 19 }));
            Assert.That(result.Elements[2].End, Is.EqualTo(24));
            Assert.That(text.Substring(result.Elements[1].Start, result.Elements[1].Length), Is.EqualTo("\"a b\""));
        }
    }

    [Test]
    public void RegionExcludesSurroundingText()
    {
        // Without the region the trailing "x" would be garbage after the array.
        const string text = "x[\"a\"]x";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonArrayParser.Parse(text, 1, 5).Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(JsonArrayParser.Parse(text, 1, 5).Elements[0], Is.EqualTo(new JsonArrayElement("a", 2, 3)));
            Assert.That(JsonArrayParser.Parse(text, 1, 6).Kind, Is.EqualTo(JsonArrayKind.NotJson));
            Assert.That(JsonArrayParser.Parse(text, 1, 4).Kind, Is.EqualTo(JsonArrayKind.NotJson));
        }
    }

    // Every escape Go accepts, one at a time.
    [TestCase("\\\"", "\"")]
    [TestCase("\\\\", "\\")]
    [TestCase("\\/", "/")]
    [TestCase("\\b", "\b")]
    [TestCase("\\f", "\f")]
    [TestCase("\\n", "\n")]
    [TestCase("\\r", "\r")]
    [TestCase("\\t", "\t")]
    [TestCase("\\u0000", "\0")]
    [TestCase("\\u0041", "A")]
    [TestCase("\\u00e9\\u00E9", "\u00e9\u00e9")]
    [TestCase("\\uFFFF", "\uffff")]
    [TestCase("a\\u0020b", "a b")]
    [TestCase("\\ud83d\\ude00", "\U0001F600")]
    [TestCase("\\uD83D\\uDE00x", "\U0001F600x")]
    [TestCase("\\ud83d", "\ufffd")]
    [TestCase("\\ude00", "\ufffd")]
    [TestCase("\\ude00\\ud83d", "\ufffd\ufffd")]
    [TestCase("\\ud83dx", "\ufffdx")]
    [TestCase("\\ud83d\\u0041", "\ufffdA")]
    [TestCase("\\ud83d\\ud83d\\ude00", "\ufffd\U0001F600")]
    [TestCase("\\ud83d\\n", "\ufffd\n")]
    [TestCase("\U0001F600", "\U0001F600")]
    [TestCase("\u007f\u0080", "\u007f\u0080")]
    [TestCase("'single'", "'single'")]
    public void DecodesStringsLikeGo(string body, string expected)
    {
        var text = "[\"" + body + "\"]";
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.Elements, Has.Count.EqualTo(1));
            Assert.That(result.Elements[0].Value, Is.EqualTo(expected));
            Assert.That(result.Elements[0].Start, Is.EqualTo(1));
            Assert.That(result.Elements[0].Length, Is.EqualTo(body.Length + 2));
        }
    }

    [TestCase('\ud83d', TestName = "Raw lone high surrogate")]
    [TestCase('\ude00', TestName = "Raw lone low surrogate")]
    public void RawLoneSurrogateDecodesToReplacementCharacter(char surrogate)
    {
        var text = "[\"a" + surrogate + "b\"]";
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.Elements[0].Value, Is.EqualTo("a\ufffdb"));
            Assert.That(result.Elements[0].Length, Is.EqualTo(5));
        }
    }

    [Test]
    public void RawLowThenHighSurrogateAreTwoReplacementCharacters()
    {
        var result = JsonArrayParser.Parse("[\"\ude00\ud83d\"]");

        Assert.That(result.Elements.Single().Value, Is.EqualTo("\ufffd\ufffd"));
    }

    [Test]
    public void RawSurrogateOutsideStringIsNotJson()
    {
        Assert.That(JsonArrayParser.Parse("[\"a\"]\ud83d").Kind, Is.EqualTo(JsonArrayKind.NotJson));
    }

    // Leading whitespace is trimmed with Go's unicode.IsSpace; trailing whitespace must be JSON whitespace.
    [TestCase("\u00a0[\"a\"]", TestName = "Leading NBSP is trimmed")]
    [TestCase("\u3000[\"a\"]", TestName = "Leading ideographic space is trimmed")]
    [TestCase("\u2028\u0085\v\f[\"a\"]", TestName = "Leading line separator, NEL, VT, FF are trimmed")]
    [TestCase("[\"a\"] \t\r\n", TestName = "Trailing JSON whitespace")]
    [TestCase("[\n  \"a\"\n]", TestName = "Newlines inside the array")]
    [TestCase("[\"a\"  ,  \"b\"]", TestName = "Spaces around the comma")]
    public void WhitespaceVariantsAreJson(string text)
    {
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.Elements[0].Value, Is.EqualTo("a"));
            AssertLossless(text, result);
        }
    }

    [TestCase("", TestName = "Empty")]
    [TestCase("   ", TestName = "Blank")]
    [TestCase("echo hello", TestName = "Shell form")]
    [TestCase("echo [\"a\"]", TestName = "Bracket not first")]
    [TestCase("{\"a\": \"b\"}", TestName = "Object at top level")]
    [TestCase("\"a\"", TestName = "String at top level")]
    [TestCase("\u200b[\"a\"]", TestName = "Zero-width space is not unicode.IsSpace")]
    [TestCase("['a']", TestName = "Single quotes")]
    [TestCase("['a', \"b\"]", TestName = "Mixed quotes")]
    [TestCase("[", TestName = "Lone bracket")]
    [TestCase("[\"a\"", TestName = "Unterminated bracket")]
    [TestCase("[\"a\",", TestName = "Unterminated after comma")]
    [TestCase("[\"a]", TestName = "Unterminated string")]
    [TestCase("[\"a\\\"]", TestName = "Escaped closing quote leaves string open")]
    [TestCase("[\"a\", 1", TestName = "Invalid JSON with number is a fall-back not an error")]
    [TestCase("[\"a\", null", TestName = "Invalid JSON with null is a fall-back not an error")]
    [TestCase("[\"a\"] x", TestName = "Trailing garbage")]
    [TestCase("[\"a\"]]", TestName = "Extra closing bracket")]
    [TestCase("[\"a\"][\"b\"]", TestName = "Two arrays")]
    [TestCase("[\"a\"],", TestName = "Trailing comma after array")]
    [TestCase("[\"a\",]", TestName = "Trailing comma in array")]
    [TestCase("[,\"a\"]", TestName = "Leading comma")]
    [TestCase("[\"a\",,\"b\"]", TestName = "Double comma")]
    [TestCase("[\"a\" \"b\"]", TestName = "Missing comma")]
    [TestCase("[\"a\"}", TestName = "Mismatched closer")]
    [TestCase("[\"a\"]\v", TestName = "Trailing vertical tab is not JSON whitespace")]
    [TestCase("[\"a\"]\f", TestName = "Trailing form feed is not JSON whitespace")]
    [TestCase("[\"a\"]\u00a0", TestName = "Trailing NBSP is not JSON whitespace")]
    [TestCase("[\u00a0\"a\"]", TestName = "NBSP inside the array")]
    [TestCase("[\v\"a\"]", TestName = "Vertical tab inside the array")]
    [TestCase("[\"a\"]\0", TestName = "Trailing NUL")]
    [TestCase("[\"a\tb\"]", TestName = "Raw tab in string")]
    [TestCase("[\"a\nb\"]", TestName = "Raw newline in string")]
    [TestCase("[\"\u001f\"]", TestName = "Raw unit separator in string")]
    [TestCase("[\"\0\"]", TestName = "Raw NUL in string")]
    [TestCase("[\"\\x41\"]", TestName = "Hex escape")]
    [TestCase("[\"\\'\"]", TestName = "Escaped single quote")]
    [TestCase("[\"\\a\"]", TestName = "Bell escape")]
    [TestCase("[\"\\U0041\"]", TestName = "Uppercase U escape")]
    [TestCase("[\"\\u12\"]", TestName = "Short unicode escape")]
    [TestCase("[\"\\u12G4\"]", TestName = "Non-hex unicode escape")]
    [TestCase("[\"\\", TestName = "Backslash at end")]
    [TestCase("[01]", TestName = "Leading zero")]
    [TestCase("[-01]", TestName = "Negative leading zero")]
    [TestCase("[1.]", TestName = "Missing fraction digits")]
    [TestCase("[.5]", TestName = "Missing integer part")]
    [TestCase("[+1]", TestName = "Plus sign")]
    [TestCase("[1e]", TestName = "Missing exponent digits")]
    [TestCase("[1e+]", TestName = "Missing signed exponent digits")]
    [TestCase("[-]", TestName = "Lone minus")]
    [TestCase("[0x10]", TestName = "Hex number")]
    [TestCase("[NaN]", TestName = "NaN")]
    [TestCase("[Infinity]", TestName = "Infinity")]
    [TestCase("[tru]", TestName = "Truncated true")]
    [TestCase("[nul]", TestName = "Truncated null")]
    [TestCase("[True]", TestName = "Capitalised true")]
    [TestCase("[NULL]", TestName = "Capitalised null")]
    [TestCase("[nullx]", TestName = "Null followed by letter")]
    [TestCase("[{1: \"a\"}]", TestName = "Non-string object key")]
    [TestCase("[{\"a\" 1}]", TestName = "Missing colon")]
    [TestCase("[{\"a\": 1,}]", TestName = "Trailing comma in object")]
    [TestCase("[{\"a\"}]", TestName = "Key without value")]
    [TestCase("[[\"a\"]", TestName = "Unclosed nested array")]
    [TestCase("[1e400]", TestName = "Number overflowing float64")]
    [TestCase("[\"a\", -1e309]", TestName = "Negative overflow after a string")]
    [TestCase("[1, 1e400]", TestName = "Overflow after a non-string still fails Unmarshal")]
    [TestCase("[\"a\", [1e999]]", TestName = "Overflow in nested array")]
    [TestCase("[\"a\", {\"k\": 2e308}]", TestName = "Overflow in nested object")]
    public void NotJson(string text)
    {
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.NotJson));
            Assert.That(result.Elements, Is.Empty);
            Assert.That(result.CommaOffsets, Is.Empty);
            Assert.That(result.OpenBracketOffset, Is.EqualTo(-1));
            Assert.That(result.CloseBracketOffset, Is.EqualTo(-1));
            Assert.That(result.NonStringElementStart, Is.EqualTo(-1));
        }
    }

    [TestCase("[1]", 1, 1)]
    [TestCase("[\"a\", 1]", 6, 1)]
    [TestCase("[null]", 1, 4)]
    [TestCase("[\"a\", null, \"b\"]", 6, 4)]
    [TestCase("[true]", 1, 4)]
    [TestCase("[false]", 1, 5)]
    [TestCase("[0]", 1, 1)]
    [TestCase("[-1.5e+10]", 1, 8)]
    [TestCase("[1E-5]", 1, 4)]
    [TestCase("[1e-400]", 1, 6)]
    [TestCase("[1.7976931348623157e308]", 1, 22)]
    [TestCase("[\"a\", [\"b\"]]", 6, 5)]
    [TestCase("[[]]", 1, 2)]
    [TestCase("[ [ [ ] ] ]", 2, 7)]
    [TestCase("[{}]", 1, 2)]
    [TestCase("[\"a\", {\"k\": [1, {\"x\": null}]}, 2]", 6, 23)]
    [TestCase("[\"a\", \"b\", 3, [4], null]", 11, 1)]
    [TestCase("  [ \"a\" , 1 ]  ", 10, 1)]
    public void NonStringArray(string text, int start, int length)
    {
        var result = JsonArrayParser.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.NonStringArray));
            Assert.That(result.NonStringElementStart, Is.EqualTo(start));
            Assert.That(result.NonStringElementLength, Is.EqualTo(length));
            Assert.That(result.OpenBracketOffset, Is.EqualTo(text.IndexOf('[')));
            Assert.That(result.CloseBracketOffset, Is.EqualTo(text.LastIndexOf(']')));
            Assert.That(result.Elements, Is.Empty);
        }
    }

    [Test]
    public void NonStringMessageMatchesBuildKit()
    {
        Assert.That(
            JsonArrayParser.NonStringArrayMessage,
            Is.EqualTo("when using JSON array syntax, arrays must be comprised of strings only"));
    }

    [Test]
    public void MaximumDepthIsAcceptedAndOneDeeperIsNotJson()
    {
        var atLimit = new string('[', JsonArrayParser.MaxNestingDepth) + new string(']', JsonArrayParser.MaxNestingDepth);
        var overLimit = "[" + atLimit + "]";

        var accepted = JsonArrayParser.Parse(atLimit);
        var rejected = JsonArrayParser.Parse(overLimit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted.Kind, Is.EqualTo(JsonArrayKind.NonStringArray));
            Assert.That(accepted.NonStringElementStart, Is.EqualTo(1));
            Assert.That(accepted.NonStringElementLength, Is.EqualTo(atLimit.Length - 2));
            Assert.That(accepted.CloseBracketOffset, Is.EqualTo(atLimit.Length - 1));
            Assert.That(rejected.Kind, Is.EqualTo(JsonArrayKind.NotJson));
        }
    }

    [Test]
    public void DeepNestingIsObjectsToo()
    {
        // 1 array + 9999 objects = depth 10000 (accepted); one more object is too deep.
        const int objects = JsonArrayParser.MaxNestingDepth - 1;
        var atLimit = "[" + string.Concat(Enumerable.Repeat("{\"k\":", objects - 1)) + "{}" + new string('}', objects - 1) + "]";
        var overLimit = "[" + string.Concat(Enumerable.Repeat("{\"k\":", objects)) + "{}" + new string('}', objects) + "]";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonArrayParser.Parse(atLimit).Kind, Is.EqualTo(JsonArrayKind.NonStringArray));
            Assert.That(JsonArrayParser.Parse(overLimit).Kind, Is.EqualTo(JsonArrayKind.NotJson));
        }
    }

    [TestCase(100_000, TestName = "100,000 open brackets")]
    [TestCase(1_000_000, TestName = "1,000,000 open brackets")]
    public void HugeNestingDoesNotThrow(int depth)
    {
        var unclosed = new string('[', depth);
        var closed = unclosed + new string(']', depth);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonArrayParser.Parse(unclosed).Kind, Is.EqualTo(JsonArrayKind.NotJson));
            Assert.That(JsonArrayParser.Parse(closed).Kind, Is.EqualTo(JsonArrayKind.NotJson));
        }
    }

    [Test]
    public void LargeFlatArrayIsParsedInLinearTime()
    {
        const int count = 200_000;
        var text = "[" + string.Join(",", Enumerable.Repeat("\"x\\n\"", count)) + "]";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = JsonArrayParser.Parse(text);

        watch.Stop();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Kind, Is.EqualTo(JsonArrayKind.StringArray));
            Assert.That(result.Elements, Has.Count.EqualTo(count));
            Assert.That(result.CommaOffsets, Has.Count.EqualTo(count - 1));
            Assert.That(result.Elements[^1].Value, Is.EqualTo("x\n"));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        }
    }

    [TestCase(-1, 2, TestName = "Negative start")]
    [TestCase(0, -1, TestName = "Negative length")]
    [TestCase(3, 4, TestName = "Region past the end")]
    [TestCase(6, 0, TestName = "Start past the end")]
    [TestCase(int.MaxValue, int.MaxValue, TestName = "Overflowing region")]
    public void OutOfRangeRegionIsNotJson(int start, int length)
    {
        Assert.That(JsonArrayParser.Parse("[\"a\"]", start, length).Kind, Is.EqualTo(JsonArrayKind.NotJson));
    }

    [Test]
    public void NullTextIsNotJson()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonArrayParser.Parse(null!).Kind, Is.EqualTo(JsonArrayKind.NotJson));
            Assert.That(JsonArrayParser.Parse(null!, 0, 0).Kind, Is.EqualTo(JsonArrayKind.NotJson));
        }
    }

    [Test]
    public void EmptyRegionAtEndIsNotJson()
    {
        Assert.That(JsonArrayParser.Parse("[\"a\"]", 5, 0).Kind, Is.EqualTo(JsonArrayKind.NotJson));
    }

    /// <summary>
    /// Everything between the brackets that is not an element or a comma must be JSON whitespace, so
    /// a caller can build lossless tokens from the offsets alone.
    /// </summary>
    private static void AssertLossless(string text, JsonArrayParseResult result)
    {
        var covered = new bool[text.Length];
        covered[result.OpenBracketOffset] = true;
        covered[result.CloseBracketOffset] = true;
        foreach (var comma in result.CommaOffsets)
        {
            Assert.That(text[comma], Is.EqualTo(','));
            covered[comma] = true;
        }

        foreach (var element in result.Elements)
        {
            Assert.That(text[element.Start], Is.EqualTo('"'));
            Assert.That(text[element.End - 1], Is.EqualTo('"'));
            for (var i = element.Start; i < element.End; i++)
            {
                Assert.That(covered[i], Is.False, "overlapping spans");
                covered[i] = true;
            }
        }

        for (var i = result.OpenBracketOffset; i <= result.CloseBracketOffset; i++)
        {
            if (!covered[i])
            {
                Assert.That(text[i], Is.AnyOf(' ', '\t', '\r', '\n'), $"uncovered character at {i}");
            }
        }

        for (var i = 1; i < result.Elements.Count; i++)
        {
            Assert.That(result.CommaOffsets[i - 1], Is.InRange(result.Elements[i - 1].End, result.Elements[i].Start - 1));
        }
    }
}
