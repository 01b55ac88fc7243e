using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>How the explicit environment and the env files combine, and what completeness that gives.</summary>
[TestFixture]
public sealed class ComposeEnvironmentTests
{
    private const string DotEnv = "TAG=1.2\nHOST=db\nURL=postgres://${HOST}:${PORT:-5432}\nPASSWORD=s3cret\n";

    [Test]
    public void WithoutAnExplicitEnvironmentTheEnvFileIsKnownAndTheRestMayBeSet()
    {
        var environment = new ComposeEnvironmentBuilder().AddEnvFile(".env", DotEnv).Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.IsComplete, Is.False);
            Assert.That(environment.Lookup("TAG"), Is.EqualTo(ShellVariableLookup.Known("1.2")));
            Assert.That(environment.Lookup("URL").Value, Is.EqualTo("postgres://db:5432"));
            Assert.That(environment.Lookup("OTHER"), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(ComposeInterpolator.Interpolate("app:${TAG}", environment).Value, Is.EqualTo("app:1.2"));
            Assert.That(ComposeInterpolator.Interpolate("${OTHER}", environment).IsKnown, Is.False, "may come from the host");
            Assert.That(ComposeInterpolator.Interpolate("${OTHER:-x}", environment).Value, Is.EqualTo("x"));
            Assert.That(ComposeInterpolator.Interpolate("${OTHER:?required}", environment).MayFail, Is.True);
            Assert.That(environment.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void TheExplicitEnvironmentOverridesTheEnvFileAndIsComplete()
    {
        var explicitEnvironment = new Dictionary<string, string> { ["HOST"] = "prod-db", ["TAG"] = "2.0" };
        var environment = new ComposeEnvironmentBuilder().WithEnvironment(explicitEnvironment).AddEnvFile(".env", DotEnv).Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.IsComplete, Is.True);
            Assert.That(environment.Lookup("TAG").Value, Is.EqualTo("2.0"));
            Assert.That(environment.Lookup("URL").Value, Is.EqualTo("postgres://prod-db:5432"), "the env file is interpolated with the explicit environment first");
            Assert.That(environment.Lookup("PASSWORD").Value, Is.EqualTo("s3cret"));
            Assert.That(ComposeInterpolator.Interpolate("${OTHER}", environment).Value, Is.Empty);
            Assert.That(ComposeInterpolator.Interpolate("${OTHER}", environment).UnsetVariables, Is.EqualTo(new[] { "OTHER" }));
            Assert.That(ComposeInterpolator.Interpolate("${OTHER:?required}", environment).Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.RequiredVariableMissing));
        });
    }

    [Test]
    public void AnExplicitEnvironmentMayBeDeclaredPartial()
    {
        var environment = new ComposeEnvironmentBuilder().WithEnvironment(new Dictionary<string, string> { ["A"] = "a" }, isComplete: false).Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.IsComplete, Is.False);
            Assert.That(ComposeInterpolator.Interpolate("$A-$B", environment).ToString(), Is.EqualTo("a-$B"));
        });
    }

    [Test]
    public void FindEnvFileEntryPointsAtTheLineThatGivesTheValue()
    {
        var environment = new ComposeEnvironmentBuilder()
            .WithEnvironment(new Dictionary<string, string> { ["TAG"] = "2.0" })
            .AddEnvFile(".env", DotEnv)
            .Build();
        var entry = environment.FindEnvFileEntry("PASSWORD");
        Assert.That(entry, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(environment.EnvFiles[0].Text.ToString(entry!.ValueSpan), Is.EqualTo("s3cret"));
            Assert.That(environment.EnvFiles[0].Text.ToString(entry.KeySpan), Is.EqualTo("PASSWORD"));
            Assert.That(environment.FindEnvFileEntry("TAG"), Is.Null, "the explicit environment overrides it");
            Assert.That(environment.FindEnvFileEntry("OTHER"), Is.Null);
        });
    }

    [Test]
    public void LaterEnvFilesOverrideEarlierOnesAndSeeTheirKeys()
    {
        const string first = "ENV_HOSTNAME=localhost\nENV_MY_URL=\"http://${ENV_HOSTNAME}\"\nONLY_FIRST=1\n";
        const string second = "ENV_HOSTNAME=dev.my-company.com\nENV_MY_URL=\"http://${ENV_HOSTNAME}\"\nFROM_FIRST=${ONLY_FIRST}\n";
        var environment = new ComposeEnvironmentBuilder().AddEnvFile("base.env", first).AddEnvFile("override.env", second).Build();
        var withHost = new ComposeEnvironmentBuilder()
            .WithEnvironment(new Dictionary<string, string> { ["ENV_HOSTNAME"] = "host.local" })
            .AddEnvFile("base.env", first)
            .AddEnvFile("override.env", second)
            .Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.Lookup("ENV_HOSTNAME").Value, Is.EqualTo("dev.my-company.com"));
            Assert.That(environment.Lookup("ENV_MY_URL").Value, Is.EqualTo("http://dev.my-company.com"));
            Assert.That(environment.Lookup("FROM_FIRST").Value, Is.EqualTo("1"));
            Assert.That(environment.FindEnvFileEntry("ENV_HOSTNAME"), Is.SameAs(environment.EnvFiles[1].Entries[0]));
            Assert.That(environment.FindEnvFileEntry("ONLY_FIRST"), Is.SameAs(environment.EnvFiles[0].Entries[2]));
            Assert.That(withHost.Lookup("ENV_HOSTNAME").Value, Is.EqualTo("host.local"));
            Assert.That(withHost.Lookup("ENV_MY_URL").Value, Is.EqualTo("http://host.local"));
        });
    }

    [Test]
    public void DiagnosticsOfEveryEnvFileAreCollected()
    {
        var environment = new ComposeEnvironmentBuilder()
            .WithEnvironment(new Dictionary<string, string>())
            .AddEnvFile("a.env", "BAD LINE\nOK=1\n")
            .AddEnvFile("b.env", "PASSWORD=${REQUIRED:?set it}\n")
            .Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0022", "DC0020" }));
            Assert.That(environment.Diagnostics.Select(d => d.Location.GetLineSpan().Path), Is.EqualTo(new[] { "a.env", "b.env" }));
            Assert.That(environment.Lookup("OK").Value, Is.EqualTo("1"));
            Assert.That(environment.Lookup("PASSWORD"), Is.EqualTo(ShellVariableLookup.Unknown));
        });
    }

    [Test]
    public void UnknownValuesOfEnvFilesStayUnknown()
    {
        var environment = new ComposeEnvironmentBuilder().AddEnvFile(".env", "INHERITED\nDERIVED=${FROM_HOST}/x\n").Build();
        Assert.Multiple(() =>
        {
            Assert.That(environment.Lookup("INHERITED"), Is.EqualTo(ShellVariableLookup.Unknown));
            Assert.That(environment.Lookup("DERIVED"), Is.EqualTo(ShellVariableLookup.Unknown));
            Assert.That(ComposeInterpolator.Interpolate("${DERIVED:-d}", environment).IsKnown, Is.False, "unknown under every operator");
        });
    }

    [Test]
    public void TheEmptyEnvironmentKnowsNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ComposeEnvironment.Empty.IsComplete, Is.False);
            Assert.That(ComposeEnvironment.Empty.EnvFiles, Is.Empty);
            Assert.That(ComposeEnvironment.Empty.Lookup("PATH"), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(ComposeEnvironment.Empty.Lookup(null!), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(ComposeEnvironment.Empty.FindEnvFileEntry(null!), Is.Null);
        });
    }

    [Test]
    public void VariableMapBasics()
    {
        var map = ComposeVariableMap.From(new Dictionary<string, string> { ["A"] = "a" }, isComplete: true);
        map.SetUnknown("U");
        map.Set("N", null!);
        Assert.Multiple(() =>
        {
            Assert.That(map.IsComplete, Is.True);
            Assert.That(map.Count, Is.EqualTo(3));
            Assert.That(map.Lookup("A").Value, Is.EqualTo("a"));
            Assert.That(map.Lookup("U"), Is.EqualTo(ShellVariableLookup.Unknown));
            Assert.That(map.Lookup("N"), Is.EqualTo(ShellVariableLookup.Known(string.Empty)));
            Assert.That(map.Remove("A"), Is.True);
            Assert.That(map.Lookup("A"), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(map.Lookup(null!), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(ComposeVariableMap.From(null, isComplete: false).Count, Is.Zero);
        });
    }
}
