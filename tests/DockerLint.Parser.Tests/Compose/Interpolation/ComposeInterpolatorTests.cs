using DockerLint.Parser.Compose.Interpolation;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>
/// docker compose's interpolation with a complete environment: every operator, nesting, <c>$$</c>, malformed
/// expressions and required variables. Expected values were checked against compose-go's <c>template</c> package.
/// </summary>
[TestFixture]
public sealed class ComposeInterpolatorTests
{
    /// <summary>K is "k", E is empty, J is JSON; anything else is not set, and the environment is complete.</summary>
    private static ComposeVariableMap Complete()
    {
        var map = new ComposeVariableMap(isComplete: true);
        map.Set("K", "k");
        map.Set("E", string.Empty);
        map.Set("J", "{\"j\":1}");
        return map;
    }

    private static ComposeInterpolation Interpolate(string text) => ComposeInterpolator.Interpolate(text, Complete());

    [TestCase("", "")]
    [TestCase("plain text, 'quotes' and \"quotes\" stay", "plain text, 'quotes' and \"quotes\" stay")]
    [TestCase("$K", "k")]
    [TestCase("${K}", "k")]
    [TestCase("$K-bar", "k-bar")]
    [TestCase("$K.$K", "k.k")]
    [TestCase("'$K'", "'k'")]
    [TestCase("\\$K", "\\k")]
    [TestCase("${_a1}", "")]
    [TestCase("x${N:-${M:-${K}}}y", "xky")]
    public void ReferencesAreReplaced(string text, string expected) =>
        Assert.That(Interpolate(text).Value, Is.EqualTo(expected));

    [TestCase("$$", "$")]
    [TestCase("$${K}", "${K}")]
    [TestCase("$$K", "$K")]
    [TestCase("$$$K", "$k")]
    [TestCase("$$$$", "$$")]
    [TestCase("a $ string", "a $ string")]
    [TestCase("^REGEX$", "^REGEX$")]
    [TestCase("$}", "$}")]
    [TestCase("$", "$")]
    [TestCase("$1", "$1")]
    [TestCase("$-", "$-")]
    [TestCase("$ {K}", "$ {K}")]
    [TestCase("price: 5$", "price: 5$")]
    public void DollarsThatStartNoExpressionAreLiteral(string text, string expected)
    {
        var result = Interpolate(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(expected));
            Assert.That(result.HasError, Is.False);
        });
    }

    // Operator × variable state, as in the Compose specification: K set, E set but empty, N not set.
    [TestCase("${K:-d}", "k")]
    [TestCase("${E:-d}", "d")]
    [TestCase("${N:-d}", "d")]
    [TestCase("${K-d}", "k")]
    [TestCase("${E-d}", "")]
    [TestCase("${N-d}", "d")]
    [TestCase("${K:+a}", "a")]
    [TestCase("${E:+a}", "")]
    [TestCase("${N:+a}", "")]
    [TestCase("${K+a}", "a")]
    [TestCase("${E+a}", "a")]
    [TestCase("${N+a}", "")]
    [TestCase("${K:?m}", "k")]
    [TestCase("${K?m}", "k")]
    [TestCase("${E?m}", "")]
    public void OperatorsFollowTheSpecification(string text, string expected)
    {
        var result = Interpolate(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(expected));
            Assert.That(result.UnsetVariables, Is.Empty, "compose only warns about bare references");
        });
    }

    [TestCase("${N:-${M:-x}}", "x")]
    [TestCase("${N-${K}}", "k")]
    [TestCase("${N-$K}", "k")]
    [TestCase("${N-${K} ${K}}", "k k")]
    [TestCase("${E:-$K}", "k")]
    [TestCase("${K:+${K},}B", "k,B")]
    [TestCase("${N:+${N},}B", "B")]
    [TestCase("${E+$K ${K:+second}}", "k second")]
    [TestCase("${N:-${K}{}}", "k{}")]
    [TestCase("${N:-$}", "$")]
    [TestCase("${N:-$$}", "$")]
    [TestCase("${K:-${}}", "k")]
    [TestCase("${K?${}}", "k")]
    public void DefaultsAndAlternativesNestAndAreOnlyReadWhenUsed(string text, string expected) =>
        Assert.That(Interpolate(text).Value, Is.EqualTo(expected));

    // Braces are counted from the "${" the way compose-go counts them; an expression that never balances
    // runs to the last '}' of its line.
    [TestCase("${N:-{\"json\":1}}", "{\"json\":1}")]
    [TestCase("${J:-{\"json\":1}}", "{\"j\":1}")]
    [TestCase("${N:-/non:-alphanumeric}", "/non:-alphanumeric")]
    [TestCase("${N-myerror?msg}", "myerror?msg")]
    [TestCase("${K:-x}}", "k}")]
    [TestCase("${N:-{}}", "{}")]
    [TestCase("${N:-{x}", "{x")]
    [TestCase("${N:-{}} x}", "{}} x")]
    [TestCase("${N-a}b}c}", "ab}c}")]
    [TestCase("${N:-x} and ${K:+y}}", "x and y}")]
    [TestCase("${N:-}}}}", "}}}")]
    [TestCase("${N:-{{x}}}", "{{x}}")]
    [TestCase("${N:-a}\n${K}}", "a\nk}")]
    [TestCase("${a-}", "")]
    [TestCase("${K:-}x", "kx")]
    public void ExpressionExtentMatchesCompose(string text, string expected) =>
        Assert.That(Interpolate(text).Value, Is.EqualTo(expected));

    [TestCase("{|#0:${|}")]
    [TestCase("{|#0:${}|}")]
    [TestCase("{|#0:${ }|}")]
    [TestCase("{|#0:${ foo}|}")]
    [TestCase("{|#0:${foo }|}")]
    [TestCase("{|#0:${foo!}|}")]
    [TestCase("{|#0:${1}|}")]
    [TestCase("{|#0:${K:x}|}")]
    [TestCase("{|#0:${K:}|}")]
    [TestCase("ok {|#0:${K:-x|}")]
    [TestCase("{|#0:${N:-x|}\n}")]
    [TestCase("ok ${N:-{|#0:${}|}}")]
    [TestCase("${N:?{|#0:${}|}}")]
    [TestCase("{|#0:${}|} then ${N:?required}")]
    [TestCase("a {|#0:${b c}|} d")]
    public void MalformedExpressionsAreInvalidTemplateErrors(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var result = Interpolate(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.HasError, Is.True, text);
            Assert.That(result.Error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate));
            Assert.That(result.Error.Span, Is.EqualTo(spans[0]), "the span covers the malformed expression");
            Assert.That(result.Error.Message, Does.StartWith("Invalid interpolation '" + text[spans[0].Start..spans[0].End] + "'"));
            Assert.That(result.Error.Message, Does.Contain("$$"), "the message says how to write a literal dollar");
            Assert.That(result.Error.Variable, Is.Null);
            Assert.That(result.Value, Is.Null);
            Assert.That(result.Segments, Is.Empty);
            Assert.That(result.MayFail, Is.False);
            Assert.That(result.ToString(), Does.StartWith("error: "));
        });
    }

    [TestCase("${}", "starts with a letter")]
    [TestCase("${K:-x", "no closing '}'")]
    [TestCase("${foo }", "expected '}' or one of")]
    public void InvalidTemplateMessagesSayWhatIsWrong(string text, string reason) =>
        Assert.That(Interpolate(text).Error!.Message, Does.Contain(reason));

    [TestCase("not ok {|#0:${N:?Mandatory Variable Unset}|}", "N", "Mandatory Variable Unset")]
    [TestCase("not ok {|#0:${E:?Mandatory Variable Empty}|}", "E", "Mandatory Variable Empty")]
    [TestCase("{|#0:${N?bar-baz}|}", "N", "bar-baz")]
    [TestCase("{|#0:${N:?need ${K}}|}", "N", "need k")]
    [TestCase("{|#0:${N?need $K}|}", "N", "need k")]
    [TestCase("{|#0:${N:?a:?b}|}", "N", "a:?b")]
    [TestCase("${N:-{|#0:${M:?inner}|}}", "M", "inner")]
    [TestCase("${K:+{|#0:${M?alt}|}}", "M", "alt")]
    public void RequiredVariablesThatAreMissingAreErrors(string markup, string variable, string reason)
    {
        var (text, spans) = Markup.Parse(markup);
        var error = Interpolate(text).Error;
        Assert.That(error, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.RequiredVariableMissing));
            Assert.That(error.Message, Is.EqualTo($"required variable {variable} is missing a value: {reason}"), "compose's own wording");
            Assert.That(error.Variable, Is.EqualTo(variable));
            Assert.That(error.Reason, Is.EqualTo(reason));
            Assert.That(error.Span, Is.EqualTo(spans[0]));
        });
    }

    [TestCase("${N:?}", "N")]
    [TestCase("${N?}", "N")]
    [TestCase("${E:?}", "E")]
    public void RequiredWithoutMessageUsesComposeWording(string text, string variable)
    {
        var error = Interpolate(text).Error!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo($"required variable {variable} is missing a value"));
            Assert.That(error.Reason, Is.Empty);
        });
    }

    [Test]
    public void TheFirstErrorWins()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Interpolate("${N:?first} ${}").Error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.RequiredVariableMissing));
            Assert.That(Interpolate("${} ${N:?second}").Error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate));
            Assert.That(Interpolate("${N:?${}}").Error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate), "a message that cannot be interpolated is the error");
        });
    }

    [TestCase("This ${missing} var", "This  var", new[] { "missing" })]
    [TestCase("$Kx", "", new[] { "Kx" })]
    [TestCase("$A $B $A", "  ", new[] { "A", "B" })]
    [TestCase("${N:-${M}}", "", new[] { "M" })]
    [TestCase("${K:+${M}}", "", new[] { "M" })]
    [TestCase("${N:+${M}}", "", new string[0])]
    [TestCase("${K:-${M}}", "k", new string[0])]
    [TestCase("${K?${M}}", "k", new string[0])]
    [TestCase("${N-d}${N:+a}", "d", new string[0])]
    public void UnsetVariablesListsWhatComposeWarnsAbout(string text, string expected, string[] unset)
    {
        var result = Interpolate(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(expected));
            Assert.That(result.UnsetVariables, Is.EqualTo(unset));
        });
    }

    [Test]
    public void VariablesListsEveryReferenceInOrderIncludingUnusedBranches()
    {
        var result = Interpolate("$K ${N:-${M:-$K}} ${K:+$A} ${K:?$B} $$C ${");
        Assert.That(result.Variables, Is.EqualTo(new[] { "K", "N", "M", "A", "B" }));
    }

    [Test]
    public void KnownResultsHaveOneLiteralSegment()
    {
        var result = Interpolate("port ${K}:80");
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.True);
            Assert.That(result.Segments.Select(s => s.Text), Is.EqualTo(new[] { "port k:80" }));
            Assert.That(result.Segments[0].IsUnknown, Is.False);
            Assert.That(Interpolate("${E}").Segments, Is.Empty, "an empty value has no segment");
            Assert.That(result.ToString(), Is.EqualTo("port k:80"));
        });
    }

    [Test]
    public void TextWithoutDollarIsReturnedAsIs()
    {
        var text = new string('a', 1000);
        var result = ComposeInterpolator.Interpolate(text, Complete());
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.SameAs(text));
            Assert.That(result.Variables, Is.Empty);
            Assert.That(ComposeInterpolation.Known("x").Value, Is.EqualTo("x"));
        });
    }

    [Test]
    public void NullArgumentsMeanEmptyTextAndAnEmptyIncompleteEnvironment()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ComposeInterpolator.Interpolate(null!, Complete()).Value, Is.Empty);
            Assert.That(ComposeInterpolator.Interpolate("${X:-d}", null!).Value, Is.EqualTo("d"));
            Assert.That(ComposeInterpolator.Interpolate("${X}", null!).IsKnown, Is.False, "an incomplete environment does not know X");
        });
    }

    [Test]
    public void NamesAreCaseSensitive()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Interpolate("$k").Value, Is.Empty);
            Assert.That(Interpolate("$k").UnsetVariables, Is.EqualTo(new[] { "k" }));
        });
    }
}
