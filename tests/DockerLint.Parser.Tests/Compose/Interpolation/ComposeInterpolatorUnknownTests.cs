using DockerLint.Parser.Compose.Interpolation;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>
/// Values are never guessed: unknown variables, and variables an incomplete environment does not set,
/// give unknown parts whose segments say what is still literal.
/// </summary>
[TestFixture]
public sealed class ComposeInterpolatorUnknownTests
{
    /// <summary>K is "k", E is empty, U and W are unknown; anything else is not set.</summary>
    private static ComposeVariableMap Variables(bool isComplete)
    {
        var map = new ComposeVariableMap(isComplete);
        map.Set("K", "k");
        map.Set("E", string.Empty);
        map.SetUnknown("U");
        map.SetUnknown("W");
        return map;
    }

    private static ComposeInterpolation Incomplete(string text) => ComposeInterpolator.Interpolate(text, Variables(isComplete: false));

    private static ComposeInterpolation Complete(string text) => ComposeInterpolator.Interpolate(text, Variables(isComplete: true));

    /// <summary>Literals shown as text, unknown parts as "?source", parts that may fail as "!source".</summary>
    private static string[] Shape(ComposeInterpolation result) =>
        [.. result.Segments.Select(s => s.IsUnknown ? (s.MayFail ? "!" : "?") + s.Text : s.Text)];

    [Test]
    public void PortWithUnknownHostPart()
    {
        var result = Incomplete("${PORT}:80");
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.Value, Is.Null);
            Assert.That(result.HasError, Is.False);
            Assert.That(Shape(result), Is.EqualTo(new[] { "?${PORT}", ":80" }));
            Assert.That(result.Segments[0].Variables, Is.EqualTo(new[] { "PORT" }));
            Assert.That(result.Segments[1].Variables, Is.Empty);
            Assert.That(result.Variables, Is.EqualTo(new[] { "PORT" }));
            Assert.That(result.UnsetVariables, Is.Empty, "not known to be unset: nothing to warn about");
            Assert.That(result.MayFail, Is.False);
            Assert.That(result.ToString(), Is.EqualTo("${PORT}:80"));
        });
    }

    // Not set in an incomplete environment: bare references and required checks are unknown;
    // defaults apply and alternatives are empty (the product rule).
    [TestCase("$N", new[] { "?$N" })]
    [TestCase("${N}", new[] { "?${N}" })]
    [TestCase("a${N}b$N", new[] { "a", "?${N}", "b", "?$N" })]
    [TestCase("${N:?msg}", new[] { "!${N:?msg}" })]
    [TestCase("${N?msg}", new[] { "!${N?msg}" })]
    [TestCase("${N:?${}}", new[] { "!${N:?${}}" })]
    [TestCase("${N:-d}", new[] { "d" })]
    [TestCase("${N-d}", new[] { "d" })]
    [TestCase("${N:+a}", new string[0])]
    [TestCase("${N+a}", new string[0])]
    [TestCase("${N:-${M}}", new[] { "?${M}" })]
    [TestCase("${N:-x${M}y}", new[] { "x", "?${M}", "y" })]
    [TestCase("${K:?msg}", new[] { "k" })]
    [TestCase("${E?msg}", new string[0])]
    [TestCase("${K:+$N}", new[] { "?$N" })]
    public void NotSetInAnIncompleteEnvironment(string text, string[] shape)
    {
        var result = Incomplete(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.HasError, Is.False, result.ToString());
            Assert.That(Shape(result), Is.EqualTo(shape));
            Assert.That(result.IsKnown, Is.EqualTo(shape.All(s => s[0] is not '?' and not '!')));
            Assert.That(result.MayFail, Is.EqualTo(shape.Any(s => s[0] == '!')));
            Assert.That(result.UnsetVariables, Is.Empty);
        });
    }

    // The same texts with a complete environment: definitely unset.
    [TestCase("$N", "", new[] { "N" })]
    [TestCase("${N}", "", new[] { "N" })]
    [TestCase("a${N}b$N", "ab", new[] { "N" })]
    [TestCase("${N:-d}", "d", new string[0])]
    [TestCase("${N:+a}", "", new string[0])]
    [TestCase("${N:-x${M}y}", "xy", new[] { "M" })]
    public void NotSetInACompleteEnvironment(string text, string expected, string[] unset)
    {
        var result = Complete(text);
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo(expected));
            Assert.That(result.UnsetVariables, Is.EqualTo(unset));
        });
    }

    [TestCase("${N:?msg}")]
    [TestCase("${N?msg}")]
    [TestCase("${N:?}")]
    public void RequiredIsAnErrorOnlyWhenTheEnvironmentIsComplete(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Complete(text).Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.RequiredVariableMissing));
            Assert.That(Incomplete(text).HasError, Is.False);
            Assert.That(Incomplete(text).MayFail, Is.True);
            Assert.That(Incomplete(text).Segments.Single().Variables, Is.EqualTo(new[] { "N" }));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public void KnownValuesDecideWhateverTheCompleteness(bool isComplete)
    {
        var variables = Variables(isComplete);
        Assert.Multiple(() =>
        {
            Assert.That(ComposeInterpolator.Interpolate("${E:?must not be empty}", variables).Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.RequiredVariableMissing));
            Assert.That(ComposeInterpolator.Interpolate("${K:?m}-${E-d}-${E:-d}", variables).Value, Is.EqualTo("k--d"));
            Assert.That(ComposeInterpolator.Interpolate("${K:-x", variables).Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate), "malformed is malformed");
        });
    }

    // An unknown variable makes the whole expression unknown under every operator, in both kinds of environment.
    [TestCase("${U}", new[] { "?${U}" }, new[] { "U" })]
    [TestCase("$U", new[] { "?$U" }, new[] { "U" })]
    [TestCase("${U:-d}", new[] { "?${U:-d}" }, new[] { "U" })]
    [TestCase("${U-d}", new[] { "?${U-d}" }, new[] { "U" })]
    [TestCase("${U:+a}", new[] { "?${U:+a}" }, new[] { "U" })]
    [TestCase("${U+a}", new[] { "?${U+a}" }, new[] { "U" })]
    [TestCase("${U:?m}", new[] { "!${U:?m}" }, new[] { "U" })]
    [TestCase("${U?m}", new[] { "!${U?m}" }, new[] { "U" })]
    [TestCase("${U:-${K}}", new[] { "?${U:-${K}}" }, new[] { "U" })]
    [TestCase("${U:-${W}}", new[] { "?${U:-${W}}" }, new[] { "U", "W" })]
    [TestCase("${U:+x$W}", new[] { "?${U:+x$W}" }, new[] { "U", "W" })]
    [TestCase("${U:?$W}", new[] { "!${U:?$W}" }, new[] { "U" })]
    [TestCase("${U:-${}}", new[] { "!${U:-${}}" }, new[] { "U" })]
    [TestCase("${K:-$U}", new[] { "k" }, new string[0])]
    [TestCase("${E:-$U}", new[] { "?$U" }, new[] { "U" })]
    [TestCase("${N:-a${U}b}", new[] { "a", "?${U}", "b" }, new[] { "U" })]
    [TestCase("ubuntu:${U:-latest}", new[] { "ubuntu:", "?${U:-latest}" }, new[] { "U" })]
    [TestCase("a$${U}b", new[] { "a${U}b" }, new string[0])]
    public void UnknownVariablesGiveUnknownParts(string text, string[] shape, string[] segmentVariables)
    {
        foreach (var result in new[] { Incomplete(text), Complete(text) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.HasError, Is.False);
                Assert.That(Shape(result), Is.EqualTo(shape));
                Assert.That(result.Segments.SelectMany(s => s.Variables).Distinct(), Is.EqualTo(segmentVariables));
            });
        }
    }

    [Test]
    public void AnUnknownDefaultThatWouldFailMayFail()
    {
        var result = Complete("${U:-${N:?no default}}x");
        Assert.Multiple(() =>
        {
            Assert.That(result.HasError, Is.False, "U may be set, and then the default is not read");
            Assert.That(result.MayFail, Is.True);
            Assert.That(Shape(result), Is.EqualTo(new[] { "!${U:-${N:?no default}}", "x" }));
        });
    }

    [Test]
    public void UnknownPartsAreSplicedAndLiteralsMerged()
    {
        var result = Incomplete("a${K}${N:-b${U}c${K}}${E}d$U");
        Assert.Multiple(() =>
        {
            Assert.That(Shape(result), Is.EqualTo(new[] { "akb", "?${U}", "ckd", "?$U" }));
            Assert.That(result.Variables, Is.EqualTo(new[] { "K", "N", "U", "E" }));
        });
    }

    [Test]
    public void RequiredMessageShowsUnknownPartsAsWritten()
    {
        var error = Complete("${N:?set N or ${U}}").Error!;
        Assert.That(error.Message, Is.EqualTo("required variable N is missing a value: set N or ${U}"));
    }

    [Test]
    public void IncompleteResultsAgreeWithTheCompleteOnes()
    {
        // Completing the environment (NotSet stays NotSet) may only decide what was unknown.
        string[] texts =
        [
            "$N", "${N:-d}", "${N:?m}", "${N?m}x${K}", "${N:+a}${N}", "${N:-${M:?}}", "${E:?}", "${", "a${N}b",
        ];
        foreach (var text in texts)
        {
            var incomplete = Incomplete(text);
            var complete = Complete(text);
            if (incomplete.IsKnown)
            {
                Assert.That(complete.Value, Is.EqualTo(incomplete.Value), text);
            }
            else if (incomplete.HasError)
            {
                Assert.That(complete.Error, Is.EqualTo(incomplete.Error), text);
            }
            else
            {
                Assert.That(complete.HasError ? incomplete.MayFail : ComposeSoundness.Fits(incomplete, complete.Value!), Is.True, text);
            }
        }
    }
}
