using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>Package-manager invocations read from the shell layer.</summary>
public sealed class PackageInvocationTests
{
    private static PackageInvocation[] Packages(string text)
        => [.. ShellScript.Parse(DockerfileModel.Parse(text).AllInstructions().OfType<RunInstruction>().Single()).Packages];

    private static PackageInvocation One(string text) => Packages(text).Single();

    [TestCase("RUN apt-get install -y curl", true)]
    [TestCase("RUN apt-get -qy install curl", true)]
    [TestCase("RUN apt-get install --yes curl", true)]
    [TestCase("RUN apt-get install --assume-yes curl", true)]
    [TestCase("RUN apt-get -qq install curl", true)]
    [TestCase("RUN yes | apt-get install curl", true)]
    [TestCase("RUN apt-get -o APT::Get::Assume-Yes=true install curl", true)]
    [TestCase("RUN apt-get install -s curl", true)]
    [TestCase("RUN apt-get install curl", false)]
    [TestCase("RUN apt-get -q install curl", false)]
    [TestCase("RUN yum install -y curl", true)]
    [TestCase("RUN dnf --assumeyes install curl", true)]
    [TestCase("RUN yum install curl", false)]
    [TestCase("RUN zypper -n install curl", true)]
    [TestCase("RUN zypper --non-interactive in curl", true)]
    [TestCase("RUN zypper install curl", false)]
    [TestCase("RUN microdnf install curl", true)]
    [TestCase("RUN apk add curl", true)]
    public void Assumes_yes(string run, bool expected) => Assert.That(One("FROM a\n" + run + "\n").AssumesYes, Is.EqualTo(expected));

    [Test]
    public void Apt_packages_with_pins()
    {
        var (text, spans) = Markup.Parse("FROM a\nRUN DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold install -y --no-install-recommends {|#0:curl=7.88.1-10|} {|#1:git|} $EXTRA ./local.deb\n");
        var apt = One(text);
        Assert.That((apt.Manager, apt.Tool, apt.Subcommand, apt.IsInstall), Is.EqualTo((PackageManager.Apt, "apt-get", "install", true)));
        Assert.That(apt.Packages.Select(p => (p.Kind, p.Name, p.Version)), Is.EqualTo(new[]
        {
            (PackageArgumentKind.Package, "curl", "=7.88.1-10"), (PackageArgumentKind.Package, "git", null),
            (PackageArgumentKind.Unknown, "$EXTRA", null), (PackageArgumentKind.Archive, "./local.deb", (string?)null),
        }));
        Assert.That(apt.Packages[0].Word.Span, Is.EqualTo(spans[0]));
        Assert.That(apt.Packages[1].Word.Span, Is.EqualTo(spans[1]));
        Assert.That(apt.HasOption("--no-install-recommends"), Is.True);
        Assert.That(apt.Command.GetAssignment("DEBIAN_FRONTEND"), Is.EqualTo("noninteractive"));
    }

    [Test]
    public void Pip_forms()
    {
        var pip = One("FROM a\nRUN python3 -m pip install --no-cache-dir -r requirements.txt -e . flask==3.0 'uvicorn[standard]>=0.2' requests git+https://x/y.git pkg.whl --index-url https://i\n");
        Assert.That(pip.Manager, Is.EqualTo(PackageManager.Pip));
        Assert.That(pip.CleansCache, Is.True);
        Assert.That(pip.Packages.Select(p => (p.Kind, p.Name, p.Version)), Is.EqualTo(new[]
        {
            (PackageArgumentKind.RequirementsFile, "requirements.txt", null), (PackageArgumentKind.Path, ".", null),
            (PackageArgumentKind.Package, "flask", "==3.0"), (PackageArgumentKind.Package, "uvicorn", ">=0.2"),
            (PackageArgumentKind.Package, "requests", null), (PackageArgumentKind.Url, "git+https://x/y.git", null),
            (PackageArgumentKind.Archive, "pkg.whl", (string?)null),
        }));
        Assert.That(One("FROM a\nRUN pip3 install flask\n").CleansCache, Is.False);
        Assert.That(One("FROM a\nENV PIP_NO_CACHE_DIR=1\nRUN pip3 install flask\n").CleansCache, Is.True);
        Assert.That(One("FROM a\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n").CleansCache, Is.True);
    }

    [Test]
    public void Node_gem_go_forms()
    {
        Assert.That(One("FROM a\nRUN npm install -g @scope/cli@1.2 left-pad ./local\n").Packages.Select(p => (p.Name, p.Version)),
            Is.EqualTo(new[] { ("@scope/cli", "@1.2"), ("left-pad", null), ("./local", (string?)null) }));
        var yarn = One("FROM a\nRUN yarn global add typescript@5\n");
        Assert.That((yarn.Subcommand, yarn.IsGlobal, yarn.Packages.Single().Version), Is.EqualTo(("add", true, "@5")));
        Assert.That(One("FROM a\nRUN gem install rails -v 7.1 && gem install bundler:2.4\n".Replace(" && gem install bundler:2.4", "")).Packages.Single().Version, Is.EqualTo("7.1"));
        Assert.That(Packages("FROM a\nRUN gem install bundler:2.4 && gem i rake\n").Select(p => (p.Subcommand, p.Packages.Single().Version)),
            Is.EqualTo(new[] { ("install", ":2.4"), ("install", (string?)null) }));
        Assert.That(One("FROM a\nRUN go install golang.org/x/tools/gopls@v0.14.0\n").Packages.Single().Version, Is.EqualTo("@v0.14.0"));
        Assert.That(One("FROM a\nRUN go install ./...\n").Packages.Single().Kind, Is.EqualTo(PackageArgumentKind.Path));
    }

    [Test]
    public void Rpm_family_forms()
    {
        Assert.That(One("FROM a\nRUN yum install -y httpd-2.4.57 @development nginx\n").Packages.Select(p => (p.Kind, p.Version)),
            Is.EqualTo(new[] { (PackageArgumentKind.Package, "-2.4.57"), (PackageArgumentKind.Group, null), (PackageArgumentKind.Package, (string?)null) }));
        var rpm = One("FROM a\nRUN rpm -ivh --nosignature https://x/p.rpm\n");
        Assert.That((rpm.Subcommand, rpm.HasOption("--nosignature"), rpm.Packages.Single().Kind), Is.EqualTo(("install", true, PackageArgumentKind.Url)));
        Assert.That(One("FROM a\nRUN zypper dup -y\n").Subcommand, Is.EqualTo("dist-upgrade"));
        Assert.That(One("FROM a\nRUN zypper install -y curl=8.0\n").Packages.Single().Version, Is.EqualTo("=8.0"));
    }

    [TestCase("RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*", true)]
    [TestCase("RUN apt-get update && apt-get install -y x", false)]
    [TestCase("RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x", false)]
    [TestCase("RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x", true)]
    [TestCase("RUN apk add --no-cache x", true)]
    [TestCase("RUN apk add x", false)]
    [TestCase("RUN apk add x && rm -rf /var/cache/apk/*", true)]
    [TestCase("RUN yum install -y x && yum clean all", true)]
    [TestCase("RUN dnf install -y x && dnf clean all && rm -rf /var/cache/dnf", true)]
    [TestCase("RUN yum install -y x", false)]
    [TestCase("RUN microdnf install x && microdnf clean all", true)]
    [TestCase("RUN zypper -n install x && zypper clean -a", true)]
    [TestCase("RUN zypper -n install x", false)]
    [TestCase("RUN yarn install && yarn cache clean", true)]
    [TestCase("RUN npm ci && npm cache clean --force", true)]
    [TestCase("RUN --mount=type=cache,target=/root/.npm npm ci", true)]
    public void Cache_cleanup(string run, bool expected)
        => Assert.That(Packages("FROM a\n" + run + "\n").First(p => p.Subcommand is not ("update" or "clean" or "cache clean")).CleansCache, Is.EqualTo(expected));

    [Test]
    public void Nested_and_onbuild_invocations_are_found()
    {
        Assert.That(One("FROM a\nRUN sh -c 'apk add curl'\n").Manager, Is.EqualTo(PackageManager.Apk));
        var onbuild = ShellScript.RunScripts(DockerfileModel.Parse("FROM a\nONBUILD RUN apt-get install x\n")).Single();
        Assert.That(onbuild.Packages.Single().Subcommand, Is.EqualTo("install"));
    }
}
