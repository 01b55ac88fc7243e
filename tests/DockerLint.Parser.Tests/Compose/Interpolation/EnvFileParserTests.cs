using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>
/// Env-file syntax as docker compose reads it, with exact spans. Markup <c>{|#0:...|}</c> marks the key
/// and <c>{|#1:...|}</c> the value of the single entry.
/// </summary>
[TestFixture]
public sealed class EnvFileParserTests
{
    private static EnvFile Parse(string text, IComposeVariables? environment = null) => EnvFileParser.Parse(text, "test.env", environment);

    private static ComposeVariableMap Complete(params (string Name, string Value)[] variables)
    {
        var map = new ComposeVariableMap(isComplete: true);
        foreach (var (name, value) in variables)
        {
            map.Set(name, value);
        }

        return map;
    }

    [TestCase("{|#0:KEY|}={|#1:value|}", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:value|}\n", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("  {|#0:KEY|} =  {|#1:value|}  \t", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("\t{|#0:KEY|}={|#1:value|}", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:foobar=|}", "KEY", "foobar=", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:1:B|}", "KEY", "1:B", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}: {|#1:value|}", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}:{|#1:Foo=bar|}", "KEY", "Foo=bar", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:my string|} # inline comment", "KEY", "my string", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:bar|} #", "KEY", "bar", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:123#not-a-comment|}", "KEY", "123#not-a-comment", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:a\t#b|}", "KEY", "a\t#b", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}= {|#1:#starts-with-hash|}", "KEY", "#starts-with-hash", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:|}", "KEY", "", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|} = {|#1:|}\nNEXT=1", "KEY", "", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:a\\tb|}", "KEY", "a\\tb", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}={|#1:value|}\r\n", "KEY", "value", EnvFileValueStyle.Unquoted)]
    [TestCase("\uFEFF{|#0:KEY|}={|#1:1|}", "KEY", "1", EnvFileValueStyle.Unquoted)]
    [TestCase("export {|#0:KEY|}={|#1:2|}", "KEY", "2", EnvFileValueStyle.Unquoted)]
    [TestCase("  export\t{|#0:KEY|}={|#1:2|}", "KEY", "2", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:exportFOO|}={|#1:2|}", "exportFOO", "2", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:export_FOO|} ={|#1:2|}", "export_FOO", "2", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:export|}={|#1:2|}", "export", "2", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:VAR.WITH.DOTS|}={|#1:dots|}", "VAR.WITH.DOTS", "dots", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:VAR-WITH-DASHES|}={|#1:dashes|}", "VAR-WITH-DASHES", "dashes", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:a[1]|}={|#1:c|}", "a[1]", "c", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:árvíztűrő-TÜKÖRFÚRÓGÉP|}={|#1:ÁRVÍZTŰRŐ|}", "árvíztűrő-TÜKÖRFÚRÓGÉP", "ÁRVÍZTŰRŐ", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:456|} = {|#1:ABC|}", "456", "ABC", EnvFileValueStyle.Unquoted)]
    [TestCase("{|#0:KEY|}='{|#1:value|}'", "KEY", "value", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}='{|#1:|}'", "KEY", "", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}='{|#1:\\n|}'", "KEY", "\\n", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}='{|#1:Let\\'s go!|}'", "KEY", "Let's go!", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}='{|#1:bar#baz|}' # comment", "KEY", "bar#baz", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}='{|#1:a\\\\b|}'", "KEY", "a\\\\b", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|} = '{|#1:first line\nsecond line|}'", "KEY", "first line\nsecond line", EnvFileValueStyle.SingleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:value|}\"", "KEY", "value", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:|}\"", "KEY", "", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:\\n|}\"", "KEY", "\n", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:escaped\\\"bar|}\"", "KEY", "escaped\"bar", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:\\\"quoted\\\"|}\"", "KEY", "\"quoted\"", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:'d'|}\"", "KEY", "'d'", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|} = \"{|#1:echo 'asd'|}\" # comment", "KEY", "echo 'asd'", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:bar#baz|}\"#", "KEY", "bar#baz", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:a:3333\nb:443|}\"", "KEY", "a:3333\nb:443", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\0123Z|}\"", "KEY", "Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:bar\\n\\ b\\az|}\"", "KEY", "bar\n\\ b\az", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:bar\\\\r\\ b\\az|}\"", "KEY", "bar\\r\\ b\az", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:bar\\nbaz\\\\|}\"", "KEY", "bar\nbaz\\", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:\\x07 \\u12e4 \\U00101234 \\c|}\"", "KEY", "\\x07 \\u12e4 \\U00101234 \\c", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:\\0351 \\0 \\08 \\0777|}\"", "KEY", "é \\ \\8 \\777", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:foo\\$BAR|}\"", "KEY", "foo$BAR", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:KEY|}=\"{|#1:foo\\${BAR}|}\"", "KEY", "foo${BAR}", EnvFileValueStyle.DoubleQuoted)]
    [TestCase("{|#0:|}=\"{|#1:value|}\"", "", "value", EnvFileValueStyle.DoubleQuoted)]
    public void OneDefinition(string markup, string key, string value, EnvFileValueStyle style)
    {
        var (text, spans) = Markup.Parse(markup);
        var file = Parse(text);
        Assert.That(file.Diagnostics, Is.Empty);
        Assert.That(file.Entries, Has.Count.EqualTo(markup.Contains("NEXT=", StringComparison.Ordinal) ? 2 : 1));
        var entry = file.Entries[0];
        Assert.Multiple(() =>
        {
            Assert.That(entry.Key, Is.EqualTo(key));
            Assert.That(entry.KeySpan, Is.EqualTo(spans[0]));
            Assert.That(entry.ValueSpan, Is.EqualTo(spans[1]));
            Assert.That(entry.RawValue, Is.EqualTo(text[spans[1].Start..spans[1].End]));
            Assert.That(entry.Style, Is.EqualTo(style));
            Assert.That(entry.HasValue, Is.True);
            Assert.That(entry.Value, Is.EqualTo(ShellVariableLookup.Known(value)));
            Assert.That(file.Variables[key], Is.EqualTo(ShellVariableLookup.Known(value)));
            Assert.That(file.Find(key), Is.SameAs(entry));
            Assert.That(entry.IsExported, Is.EqualTo(text.Contains("export\t", StringComparison.Ordinal) || text.Contains("export ", StringComparison.Ordinal)));
            Assert.That(entry.Interpolation is null, Is.EqualTo(style == EnvFileValueStyle.SingleQuoted));
        });
    }

    [Test]
    public void EntrySpanCoversExportKeyAndValueWithItsQuotes()
    {
        var (text, spans) = Markup.Parse("# a comment\n{|#0:export KEY = \"multi\nline\"|} # trailing\n{|#1:OTHER: x|}  \n");
        var file = Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(file.Entries.Select(e => e.Span), Is.EqualTo(new[] { spans[0], spans[1] }));
            Assert.That(file.Entries[0].IsExported, Is.True);
            Assert.That(file.Entries[1].IsExported, Is.False);
        });
    }

    [TestCase("")]
    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\t\t ")]
    [TestCase("# Comment")]
    [TestCase("\t # comment\n\n#KEY=value\n")]
    [TestCase("\uFEFF")]
    public void BlankAndCommentLinesDefineNothing(string text)
    {
        var file = Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(file.Entries, Is.Empty);
            Assert.That(file.Diagnostics, Is.Empty);
            Assert.That(file.Variables, Is.Empty);
        });
    }

    [Test]
    public void SeveralLinesKeepTheirOrderAndTheLastDefinitionWins()
    {
        var file = Parse("A=1\r\n\r\n# comment\r\nB='2'\r\nA=\"3\"\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(file.Entries.Select(e => e.Key), Is.EqualTo(new[] { "A", "B", "A" }));
            Assert.That(file.Variables.Keys, Is.EquivalentTo(new[] { "A", "B" }));
            Assert.That(file.Variables["A"].Value, Is.EqualTo("3"));
            Assert.That(file.Find("A"), Is.SameAs(file.Entries[2]));
            Assert.That(file.Find("missing"), Is.Null);
            Assert.That(file.Path, Is.EqualTo("test.env"));
            Assert.That(file.HasErrors, Is.False);
        });
    }

    [Test]
    public void InheritedKeysTakeTheirValueFromTheEnvironment()
    {
        var (source, spans) = Markup.Parse("foo=bar\n{|#0:FROM_ENV|}\nbar=baz\n  {|#1:MISSING|} \nexport {|#2:foo|}\n");
        var complete = Parse(source, Complete(("FROM_ENV", "value")));
        var incomplete = Parse(source);

        var inherited = complete.Entries.Where(e => !e.HasValue).ToArray();
        Assert.That(inherited, Has.Length.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(inherited.Select(e => e.KeySpan), Is.EqualTo(new[] { spans[0], spans[1], spans[2] }));
            Assert.That(inherited.Select(e => e.Style), Has.All.EqualTo(EnvFileValueStyle.Inherited));
            Assert.That(inherited[0].ValueSpan, Is.EqualTo(new Microsoft.CodeAnalysis.Text.TextSpan(spans[0].End, 0)));
            Assert.That(inherited[0].Value, Is.EqualTo(ShellVariableLookup.Known("value")));
            Assert.That(inherited[1].Value, Is.EqualTo(ShellVariableLookup.NotSet), "not set anywhere: compose defines nothing");
            Assert.That(inherited[2].Value, Is.EqualTo(ShellVariableLookup.Known("bar")), "an earlier line counts");
            Assert.That(inherited[2].IsExported, Is.True);
            Assert.That(complete.Variables.ContainsKey("MISSING"), Is.False);
            Assert.That(complete.Variables["FROM_ENV"].Value, Is.EqualTo("value"));

            Assert.That(incomplete.Variables["FROM_ENV"], Is.EqualTo(ShellVariableLookup.Unknown), "the unknown environment may set it");
            Assert.That(incomplete.Variables["MISSING"], Is.EqualTo(ShellVariableLookup.Unknown));
            Assert.That(incomplete.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void InterpolationSeesEarlierKeysAndTheEnvironmentFirst()
    {
        const string text = "OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\nOPTION_F=\"${OPTION_A:-x} $$ \\$OPTION_A\"\nOPTION_G='${OPTION_A}'\n";
        var complete = Parse(text, Complete());
        var overridden = Parse(text, Complete(("OPTION_A", "5")));
        var incomplete = Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(Values(complete), Is.EqualTo("OPTION_A=1|OPTION_B=1|OPTION_C=1|OPTION_D=1_1|OPTION_E=|OPTION_F=1 $ $OPTION_A|OPTION_G=${OPTION_A}"));
            Assert.That(Values(overridden), Is.EqualTo("OPTION_A=1|OPTION_B=5|OPTION_C=5|OPTION_D=5_5|OPTION_E=|OPTION_F=5 $ $OPTION_A|OPTION_G=${OPTION_A}"));
            Assert.That(Values(incomplete), Is.EqualTo("OPTION_A=1|OPTION_B=1|OPTION_C=1|OPTION_D=1_1|OPTION_E=Unknown|OPTION_F=1 $ $OPTION_A|OPTION_G=${OPTION_A}"));
            Assert.That(complete.Find("OPTION_E")!.Interpolation!.UnsetVariables, Is.EqualTo(new[] { "OPTION_NOT_DEFINED" }));
            Assert.That(incomplete.Find("OPTION_E")!.Interpolation!.Segments.Single().Text, Is.EqualTo("${OPTION_NOT_DEFINED}"));
            Assert.That(incomplete.Find("OPTION_G")!.Interpolation, Is.Null, "single quotes: no interpolation");
        });
    }

    [Test]
    public void DefaultsInEnvFilesApplyWhenTheEnvironmentLacksTheName()
    {
        const string text = "OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\n";
        Assert.Multiple(() =>
        {
            Assert.That(Values(Parse(text)), Is.EqualTo("OPTION_A=1|OPTION_B=1"));
            Assert.That(Values(Parse(text, Complete(("OPTION_A", "5")))), Is.EqualTo("OPTION_A=5|OPTION_B=5"));
        });
    }

    [TestCase("{|#0:%|}!(EXTRA string)=foo", "Unexpected character '%' in variable name \"%!(EXTRA string)=foo\"")]
    [TestCase("lol{|#0:$|}wut", "Unexpected character '$' in variable name \"lol$wut\"")]
    [TestCase("KEY{|#0:/|}x=1", "Unexpected character '/'")]
    [TestCase("{|#0:#|}", null)]
    [TestCase("{|#0:INVALID LINE|}\n", "Variable name \"INVALID LINE\" cannot contain a space")]
    [TestCase("{|#0:A B|}=1", "Variable name \"A B\" cannot contain a space")]
    [TestCase("KEY={|#0:\"unterminated|}\r\n", "Unterminated quoted value \"unterminated")]
    [TestCase("KEY={|#0:'value\\'|}", "Unterminated quoted value 'value\\'")]
    [TestCase("KEY={|#0:\"|}", "Unterminated quoted value \"")]
    public void LinesComposeRejectsAreDiagnosedAndParsingGoesOn(string markup, string? message)
    {
        var (text, spans) = Markup.Parse(markup);
        if (message is null)
        {
            Assert.That(Parse(text).Diagnostics, Is.Empty, "a lone '#' is a comment");
            return;
        }

        var file = Parse(text + "\nAFTER=ok\n");
        Assert.That(file.Diagnostics, Has.Length.EqualTo(1));
        var diagnostic = file.Diagnostics[0];
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("DC0022"));
            Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
            Assert.That(diagnostic.GetMessage(), Does.StartWith(message));
            Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]));
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("test.env"));
            Assert.That(file.HasErrors, Is.True);
            Assert.That(file.Variables["AFTER"].Value, Is.EqualTo("ok"), "the next line is still read");
        });
    }

    [Test]
    public void ExportWithoutANameAtTheEndOfTheFileIsAnError()
    {
        var (text, spans) = Markup.Parse("A=1\n{|#0:export  |}");
        var diagnostic = Parse(text).Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("DC0022"));
            Assert.That(diagnostic.GetMessage(), Is.EqualTo("Missing variable name after 'export'"));
            Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]));
        });
    }

    [Test]
    public void DiagnosticsHaveLinePositions()
    {
        var file = Parse("A=1\n# c\nB C=2\n");
        var span = file.Diagnostics.Single().Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(span.StartLinePosition.Line, Is.EqualTo(2));
            Assert.That(span.StartLinePosition.Character, Is.EqualTo(0));
            Assert.That(span.EndLinePosition.Character, Is.EqualTo(3));
        });
    }

    [TestCase("PASSWORD=ab{|#0:${c|}", "DC0021")]
    [TestCase("PASSWORD=\"x{|#0:${}|}y\"", "DC0021")]
    [TestCase("PASSWORD=\"{|#0:\\tx${}|}\"", "DC0021")]
    [TestCase("URL={|#0:${HOST:?set HOST}|}/path", "DC0020")]
    [TestCase("URL=\"{|#0:${HOST?}|}\"", "DC0020")]
    public void InterpolationErrorsInValuesAreDiagnosed(string markup, string id)
    {
        var (text, spans) = Markup.Parse(markup);
        var file = Parse(text, Complete());
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo(id));
            Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]), "inside the value when the value is not escaped, else the whole value");
            Assert.That(file.Entries.Single().Value, Is.EqualTo(ShellVariableLookup.Unknown), "compose would refuse the file: the value is not guessed");
            Assert.That(file.Entries.Single().Interpolation!.HasError, Is.True);
        });
    }

    [Test]
    public void RequiredVariablesAreOnlyErrorsWithACompleteEnvironment()
    {
        const string text = "URL=${HOST:?set HOST}/path";
        var incomplete = Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(incomplete.Diagnostics, Is.Empty);
            Assert.That(incomplete.Entries.Single().Value, Is.EqualTo(ShellVariableLookup.Unknown));
            Assert.That(incomplete.Entries.Single().Interpolation!.MayFail, Is.True);
            Assert.That(Parse(text, Complete(("HOST", "h"))).Variables["URL"].Value, Is.EqualTo("h/path"));
        });
    }

    [Test]
    public void TextAfterAClosingQuoteIsTheNextDefinitionAsInCompose()
    {
        var file = Parse("A=\"x\" B=1\nC='y' D\n", Complete(("D", "d")));
        Assert.That(Values(file), Is.EqualTo("A=x|B=1|C=y|D=d"));
    }

    [Test]
    public void ALastLineWithoutSeparatorDefinesTheEmptyKeyAsInCompose()
    {
        var (text, spans) = Markup.Parse("A=1\n{|#0:|}{|#1:NO_SEPARATOR|}");
        var entry = Parse(text).Entries[1];
        Assert.Multiple(() =>
        {
            Assert.That(entry.Key, Is.Empty);
            Assert.That(entry.KeySpan, Is.EqualTo(spans[0]));
            Assert.That(entry.ValueSpan, Is.EqualTo(spans[1]));
            Assert.That(entry.Value.Value, Is.EqualTo("NO_SEPARATOR"));
            Assert.That(Parse("NO_SEPARATOR\n").Entries.Single().Style, Is.EqualTo(EnvFileValueStyle.Inherited), "with a line break it is inherited");
        });
    }

    [Test]
    public void NullArgumentsAreTreatedAsEmpty()
    {
        var file = EnvFileParser.Parse((string)null!, null!);
        Assert.Multiple(() =>
        {
            Assert.That(file.Entries, Is.Empty);
            Assert.That(file.Path, Is.Empty);
        });
    }

    [Test]
    public void RandomJunkNeverThrowsAndSpansStayInTheText()
    {
        const string alphabet = "AB_=:=\n\n\r \t#'\"\\$${}ex export é%\u00A0";
        var random = new Random(20240613);
        var totals = new int[2];
        for (var i = 0; i < 4000; i++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            EnvFile? file = null;
            Assert.DoesNotThrow(() => file = EnvFileParser.Parse(text, "junk.env", i % 2 == 0 ? Complete(("A", "a")) : null), text);
            foreach (var entry in file!.Entries)
            {
                Assert.That(entry.Span.End, Is.LessThanOrEqualTo(text.Length));
                Assert.That(entry.KeySpan.Start, Is.GreaterThanOrEqualTo(entry.Span.Start));
                Assert.That(text[entry.KeySpan.Start..entry.KeySpan.End], Is.EqualTo(entry.Key));
                Assert.That(text[entry.ValueSpan.Start..entry.ValueSpan.End], Is.EqualTo(entry.RawValue));
                Assert.That(entry.ValueSpan.End, Is.LessThanOrEqualTo(entry.Span.End));
            }

            foreach (var diagnostic in file.Diagnostics)
            {
                Assert.That(diagnostic.Location.SourceSpan.End, Is.LessThanOrEqualTo(text.Length));
                Assert.That(diagnostic.Id, Is.AnyOf("DC0020", "DC0021", "DC0022"));
            }

            totals[0] += file.Entries.Count;
            totals[1] += file.Diagnostics.Length;
        }

        Assert.That(totals, Has.All.GreaterThan(500), "the junk produces both entries and diagnostics");
    }

    [Test]
    public void LargeFilesAreParsedInLinearTime()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append("KEY").Append(i).Append("=value").Append(i).Append(" # c\n");
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var file = Parse(builder.ToString());
        stopwatch.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(file.Variables, Has.Count.EqualTo(100_000));
            Assert.That(file.Variables["KEY99999"].Value, Is.EqualTo("value99999"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }

    private static string Values(EnvFile file) => string.Join(
        "|",
        file.Entries.Select(e => e.Key).Distinct().Select(key => key + "=" + (file.Variables.TryGetValue(key, out var v) ? v.Value ?? v.State.ToString() : "<none>")));
}
