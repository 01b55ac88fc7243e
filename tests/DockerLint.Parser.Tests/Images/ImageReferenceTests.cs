using DockerLint.Parser.Images;

namespace DockerLint.Parser.Tests.Images;

[TestFixture]
public sealed class ImageReferenceTests
{
    private const string Hex16 = "0123456789abcdef";
    private const string Hex64 = "7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa";
    private const string Hex96 = Hex16 + Hex16 + Hex16 + Hex16 + Hex16 + Hex16;
    private const string Hex128 = Hex64 + Hex64;
    private const string Sha256 = "sha256:" + Hex64;
    private const string Sha384 = "sha384:" + Hex96;
    private const string Sha512 = "sha512:" + Hex128;
    private const string Tag128 = Hex64 + Hex64;

    // Columns: input, then (start, length) of registry, repository, tag and digest; -1 = absent.
    [TestCase("ubuntu", -1, 0, 0, 6, -1, 0, -1, 0, TestName = "Official image")]
    [TestCase("ubuntu:22.04", -1, 0, 0, 6, 7, 5, -1, 0, TestName = "Official image with tag")]
    [TestCase("library/ubuntu", -1, 0, 0, 14, -1, 0, -1, 0, TestName = "Explicit library namespace")]
    [TestCase("user/repo:v1", -1, 0, 0, 9, 10, 2, -1, 0, TestName = "User repository with tag")]
    [TestCase("docker.io/ubuntu", 0, 9, 10, 6, -1, 0, -1, 0, TestName = "Docker Hub host written")]
    [TestCase("index.docker.io/library/ubuntu:latest", 0, 15, 16, 14, 31, 6, -1, 0, TestName = "Legacy Docker Hub host")]
    [TestCase("registry.example.com:5000/team/app:1.2@" + Sha256, 0, 25, 26, 8, 35, 3, 39, 71, TestName = "Registry with port, tag and digest")]
    [TestCase("localhost/app", 0, 9, 10, 3, -1, 0, -1, 0, TestName = "localhost registry")]
    [TestCase("localhost:5000/app:dev", 0, 14, 15, 3, 19, 3, -1, 0, TestName = "localhost registry with port")]
    [TestCase("192.168.1.10:5000/app", 0, 17, 18, 3, -1, 0, -1, 0, TestName = "IPv4 registry")]
    [TestCase("[::1]:5000/app", 0, 10, 11, 3, -1, 0, -1, 0, TestName = "IPv6 registry with port")]
    [TestCase("[2001:db8::1]/app", 0, 13, 14, 3, -1, 0, -1, 0, TestName = "IPv6 registry")]
    [TestCase("[::]/app", 0, 4, 5, 3, -1, 0, -1, 0, TestName = "IPv6 unspecified address registry")]
    [TestCase("ubuntu@" + Sha256, -1, 0, 0, 6, -1, 0, 7, 71, TestName = "Digest only")]
    [TestCase("ubuntu:22.04@" + Sha256, -1, 0, 0, 6, 7, 5, 13, 71, TestName = "Tag and digest")]
    [TestCase("quay.io/org/app@" + Sha384, 0, 7, 8, 7, -1, 0, 16, 103, TestName = "sha384 digest")]
    [TestCase("quay.io/org/app@" + Sha512, 0, 7, 8, 7, -1, 0, 16, 135, TestName = "sha512 digest")]
    [TestCase("scratch", -1, 0, 0, 7, -1, 0, -1, 0, TestName = "scratch")]
    [TestCase("Registry.Example.COM/app", 0, 20, 21, 3, -1, 0, -1, 0, TestName = "Uppercase registry host is allowed")]
    [TestCase("MyRegistry/app", 0, 10, 11, 3, -1, 0, -1, 0, TestName = "Uppercase first element is a registry")]
    [TestCase("gcr.io/project/sub/image:tag", 0, 6, 7, 17, 25, 3, -1, 0, TestName = "Nested repository path")]
    [TestCase("a/b/c/d/e", -1, 0, 0, 9, -1, 0, -1, 0, TestName = "Single-letter components")]
    [TestCase("0/1", -1, 0, 0, 3, -1, 0, -1, 0, TestName = "Digit components")]
    [TestCase("foo__bar/baz_qux/a.b/c---d", -1, 0, 0, 26, -1, 0, -1, 0, TestName = "All separator kinds")]
    [TestCase("my_host.com/app", -1, 0, 0, 15, -1, 0, -1, 0, TestName = "Host-like element that is only a valid path component")]
    [TestCase("localhost:5000", -1, 0, 0, 9, 10, 4, -1, 0, TestName = "Single element localhost:5000 is name plus tag")]
    [TestCase("example.com", -1, 0, 0, 11, -1, 0, -1, 0, TestName = "Single element with dot is a repository")]
    [TestCase("ubuntu:_", -1, 0, 0, 6, 7, 1, -1, 0, TestName = "Underscore tag")]
    [TestCase("ghcr.io/owner/repo:Tag_With.Mixed-Case", 0, 7, 8, 10, 19, 19, -1, 0, TestName = "Mixed-case tag")]
    [TestCase("ubuntu:" + Tag128, -1, 0, 0, 6, 7, 128, -1, 0, TestName = "128-character tag")]
    [TestCase("a.b-c/d", 0, 5, 6, 1, -1, 0, -1, 0, TestName = "Dotted first element is a host")]
    public void ValidReferenceComponents(
        string input,
        int registryStart,
        int registryLength,
        int repositoryStart,
        int repositoryLength,
        int tagStart,
        int tagLength,
        int digestStart,
        int digestLength)
    {
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.True, reference.ErrorMessage);
            Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.None));
            Assert.That(reference.ErrorMessage, Is.Null);
            Assert.That(reference.ErrorOffset, Is.EqualTo(-1));
            AssertPart(input, reference.Registry, registryStart, registryLength, "registry");
            AssertPart(input, reference.Repository, repositoryStart, repositoryLength, "repository");
            AssertPart(input, reference.Tag, tagStart, tagLength, "tag");
            AssertPart(input, reference.Digest, digestStart, digestLength, "digest");
            Assert.That(Reassemble(reference), Is.EqualTo(input));
        }
    }

    [Test]
    public void BriefExampleOffsets()
    {
        var reference = ImageReference.Parse("registry.example.com:5000/team/app:1.2@" + Sha256);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.Registry, Is.EqualTo(new ImageReferencePart(0, 25, "registry.example.com:5000")));
            Assert.That(reference.Repository, Is.EqualTo(new ImageReferencePart(26, 8, "team/app")));
            Assert.That(reference.Tag, Is.EqualTo(new ImageReferencePart(35, 3, "1.2")));
            Assert.That(reference.Digest, Is.EqualTo(new ImageReferencePart(39, 71, Sha256)));
            Assert.That(reference.Digest!.Value.End, Is.EqualTo(reference.Text.Length));
        }
    }

    [TestCase("ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("ubuntu:22.04", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("library/ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("docker.io/library/ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("docker.io/ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("index.docker.io/ubuntu", "docker.io", "library/ubuntu", "docker.io/library/ubuntu", "ubuntu", true, true)]
    [TestCase("index.docker.io/user/app", "docker.io", "user/app", "docker.io/user/app", "user/app", true, false)]
    [TestCase("user/app@" + Sha256, "docker.io", "user/app", "docker.io/user/app", "user/app", true, false)]
    [TestCase("docker.io/library/foo/bar", "docker.io", "library/foo/bar", "docker.io/library/foo/bar", "library/foo/bar", true, false)]
    [TestCase("gcr.io/p/i:1", "gcr.io", "p/i", "gcr.io/p/i", "gcr.io/p/i", false, false)]
    [TestCase("gcr.io/app", "gcr.io", "app", "gcr.io/app", "gcr.io/app", false, false)]
    [TestCase("localhost:5000/app", "localhost:5000", "app", "localhost:5000/app", "localhost:5000/app", false, false)]
    [TestCase("localhost:5000", "docker.io", "library/localhost", "docker.io/library/localhost", "localhost", true, true)]
    [TestCase("my_host.com/app", "", "my_host.com/app", "my_host.com/app", "my_host.com/app", false, false)]
    [TestCase("DOCKER.IO/app", "DOCKER.IO", "app", "DOCKER.IO/app", "DOCKER.IO/app", false, false)]
    [TestCase("registry-1.docker.io/library/nginx", "registry-1.docker.io", "library/nginx", "registry-1.docker.io/library/nginx", "registry-1.docker.io/library/nginx", false, false)]
    [TestCase("scratch", "docker.io", "library/scratch", "docker.io/library/scratch", "scratch", true, true)]
    public void DerivedNames(
        string input,
        string domain,
        string path,
        string fullName,
        string familiarName,
        bool isDockerHub,
        bool isOfficialImage)
    {
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.True, reference.ErrorMessage);
            Assert.That(reference.Domain, Is.EqualTo(domain));
            Assert.That(reference.Path, Is.EqualTo(path));
            Assert.That(reference.FullName, Is.EqualTo(fullName));
            Assert.That(reference.FamiliarName, Is.EqualTo(familiarName));
            Assert.That(reference.IsDockerHub, Is.EqualTo(isDockerHub));
            Assert.That(reference.IsOfficialImage, Is.EqualTo(isOfficialImage));
        }
    }

    [TestCase("ubuntu", false, false, false, false)]
    [TestCase("ubuntu:latest", true, false, true, false)]
    [TestCase("ubuntu:Latest", true, false, false, false)]
    [TestCase("ubuntu:latest-slim", true, false, false, false)]
    [TestCase("ubuntu:latest@" + Sha256, true, true, true, false)]
    [TestCase("ubuntu@" + Sha256, false, true, false, false)]
    [TestCase("latest", false, false, false, false)]
    [TestCase("scratch", false, false, false, true)]
    [TestCase("scratch:latest", true, false, true, false)]
    [TestCase("library/scratch", false, false, false, false)]
    [TestCase("docker.io/library/scratch", false, false, false, false)]
    public void TagDigestAndScratchFlags(string input, bool hasTag, bool hasDigest, bool isLatest, bool isScratch)
    {
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.True, reference.ErrorMessage);
            Assert.That(reference.HasTag, Is.EqualTo(hasTag));
            Assert.That(reference.HasDigest, Is.EqualTo(hasDigest));
            Assert.That(reference.IsLatest, Is.EqualTo(isLatest));
            Assert.That(reference.IsScratch, Is.EqualTo(isScratch));
        }
    }

    [TestCase("SCRATCH")]
    [TestCase("Scratch")]
    public void ScratchIsCaseSensitive(string input)
    {
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsScratch, Is.False);
            Assert.That(reference.IsValid, Is.False);
            Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.UppercaseRepository));
            Assert.That(reference.ErrorOffset, Is.EqualTo(0));
        }
    }

    // Empty and whitespace.
    [TestCase("", ImageReferenceErrorKind.Empty, 0)]
    [TestCase(" ubuntu", ImageReferenceErrorKind.Whitespace, 0)]
    [TestCase("\tubuntu", ImageReferenceErrorKind.Whitespace, 0)]
    [TestCase("ubuntu ", ImageReferenceErrorKind.Whitespace, 6)]
    [TestCase("ubuntu\n", ImageReferenceErrorKind.Whitespace, 6)]
    [TestCase("ubuntu:22.04 ", ImageReferenceErrorKind.Whitespace, 12)]
    [TestCase("ubu ntu", ImageReferenceErrorKind.Whitespace, 3)]
    [TestCase("ubuntu@" + Sha256 + " ", ImageReferenceErrorKind.Whitespace, 78)]
    [TestCase("my registry.com/app", ImageReferenceErrorKind.Whitespace, 2)]
    [TestCase(" ", ImageReferenceErrorKind.Whitespace, 0)]
    // Image IDs.
    [TestCase(Hex64, ImageReferenceErrorKind.HexIdentifier, 0)]
    // Uppercase in the repository path.
    [TestCase("Ubuntu", ImageReferenceErrorKind.UppercaseRepository, 0)]
    [TestCase("ubuntU", ImageReferenceErrorKind.UppercaseRepository, 5)]
    [TestCase("ubuntu/Foo:tag", ImageReferenceErrorKind.UppercaseRepository, 7)]
    [TestCase("user/Repo", ImageReferenceErrorKind.UppercaseRepository, 5)]
    [TestCase("localhost:5000/App", ImageReferenceErrorKind.UppercaseRepository, 15)]
    [TestCase("registry.example.com/team/appName", ImageReferenceErrorKind.UppercaseRepository, 29)]
    [TestCase("My_Org/app", ImageReferenceErrorKind.UppercaseRepository, 0)]
    // Repository path grammar.
    [TestCase("/ubuntu", ImageReferenceErrorKind.InvalidRepository, 0)]
    [TestCase("ubuntu/", ImageReferenceErrorKind.InvalidRepository, 7)]
    [TestCase("user//repo", ImageReferenceErrorKind.InvalidRepository, 5)]
    [TestCase("-ubuntu", ImageReferenceErrorKind.InvalidRepository, 0)]
    [TestCase("ubuntu-", ImageReferenceErrorKind.InvalidRepository, 7)]
    [TestCase("ubuntu_:1", ImageReferenceErrorKind.InvalidRepository, 7)]
    [TestCase("ubu..ntu", ImageReferenceErrorKind.InvalidRepository, 4)]
    [TestCase("ubu___ntu", ImageReferenceErrorKind.InvalidRepository, 5)]
    [TestCase("ubu.-ntu", ImageReferenceErrorKind.InvalidRepository, 4)]
    [TestCase("ubu_-ntu", ImageReferenceErrorKind.InvalidRepository, 4)]
    [TestCase("ubu-_ntu", ImageReferenceErrorKind.InvalidRepository, 4)]
    [TestCase("my+app", ImageReferenceErrorKind.InvalidRepository, 2)]
    [TestCase("ubuntu:", ImageReferenceErrorKind.EmptyTag, 7)]
    [TestCase("caf\u00e9", ImageReferenceErrorKind.InvalidRepository, 3)]
    [TestCase(":tag", ImageReferenceErrorKind.InvalidRepository, 0)]
    [TestCase("@" + Sha256, ImageReferenceErrorKind.InvalidRepository, 0)]
    [TestCase("registry.example.com/", ImageReferenceErrorKind.InvalidRepository, 21)]
    [TestCase("registry.example.com/:tag", ImageReferenceErrorKind.InvalidRepository, 21)]
    // Registry host grammar.
    [TestCase("registry:port/app", ImageReferenceErrorKind.InvalidRegistry, 9)]
    [TestCase("registry:/app", ImageReferenceErrorKind.InvalidRegistry, 9)]
    [TestCase("foo-.com/app", ImageReferenceErrorKind.InvalidRegistry, 4)]
    [TestCase("-foo.com/app", ImageReferenceErrorKind.InvalidRegistry, 0)]
    [TestCase(".foo.com/app", ImageReferenceErrorKind.InvalidRegistry, 0)]
    [TestCase("foo.com./app", ImageReferenceErrorKind.InvalidRegistry, 8)]
    [TestCase("foo..com/app", ImageReferenceErrorKind.InvalidRegistry, 4)]
    [TestCase("[::1/app", ImageReferenceErrorKind.InvalidRegistry, 4)]
    [TestCase("[:/app", ImageReferenceErrorKind.InvalidRegistry, 2)]
    [TestCase("[]/app", ImageReferenceErrorKind.InvalidRepository, 0)] // no '.', ':' or capitals: not taken for a host
    [TestCase("[fe80::1%eth0]/app", ImageReferenceErrorKind.InvalidRegistry, 8)]
    [TestCase("[::1]x/app", ImageReferenceErrorKind.InvalidRegistry, 5)]
    [TestCase("foo_bar.com:5000/app", ImageReferenceErrorKind.InvalidRegistry, 3)]
    [TestCase("::1/app", ImageReferenceErrorKind.InvalidRegistry, 0)]
    [TestCase("host:5000:6000/app", ImageReferenceErrorKind.InvalidRegistry, 9)]
    [TestCase("Foo_Bar.com/app", ImageReferenceErrorKind.InvalidRegistry, 3)]
    // Tags.
    [TestCase("ubuntu:@" + Sha256, ImageReferenceErrorKind.EmptyTag, 7)]
    [TestCase("ubuntu::tag", ImageReferenceErrorKind.EmptyTag, 7)]
    [TestCase("ubuntu::", ImageReferenceErrorKind.EmptyTag, 7)]
    [TestCase("ubuntu:.tag", ImageReferenceErrorKind.InvalidTag, 7)]
    [TestCase("ubuntu:-tag", ImageReferenceErrorKind.InvalidTag, 7)]
    [TestCase("ubuntu:tag!", ImageReferenceErrorKind.InvalidTag, 10)]
    [TestCase("ubuntu:a:b", ImageReferenceErrorKind.InvalidTag, 8)]
    [TestCase("ubuntu:a/b", ImageReferenceErrorKind.InvalidRegistry, 7)] // Docker reads "ubuntu:a" as host:port
    [TestCase("ubuntu:v\u00e9", ImageReferenceErrorKind.InvalidTag, 8)]
    [TestCase("ubuntu:" + Tag128 + "x", ImageReferenceErrorKind.TagTooLong, 135)]
    [TestCase("localhost:5000:tag", ImageReferenceErrorKind.InvalidTag, 14)]
    // Digests.
    [TestCase("ubuntu@", ImageReferenceErrorKind.InvalidDigest, 7)]
    [TestCase("ubuntu@sha256", ImageReferenceErrorKind.InvalidDigest, 13)]
    [TestCase("ubuntu@sha256:", ImageReferenceErrorKind.InvalidDigest, 14)]
    [TestCase("ubuntu@sha256:abc", ImageReferenceErrorKind.InvalidDigest, 17)]
    [TestCase("ubuntu@sha256:xyz" + Hex64, ImageReferenceErrorKind.InvalidDigest, 14)]
    [TestCase("ubuntu@1sha:" + Hex64, ImageReferenceErrorKind.InvalidDigest, 7)]
    [TestCase("ubuntu@sha256+:" + Hex64, ImageReferenceErrorKind.InvalidDigest, 14)]
    [TestCase("ubuntu@" + Sha256 + ":tag", ImageReferenceErrorKind.InvalidDigest, 78)]
    [TestCase("ubuntu@" + Sha256 + "@" + Sha256, ImageReferenceErrorKind.InvalidDigest, 78)]
    [TestCase("ubuntu@sha256:7CC4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa", ImageReferenceErrorKind.InvalidDigest, 15)]
    [TestCase("ubuntu@sha256:" + Hex16 + Hex16, ImageReferenceErrorKind.InvalidDigestLength, 46)]
    [TestCase("ubuntu@sha256:" + Hex64 + "0", ImageReferenceErrorKind.InvalidDigestLength, 78)]
    [TestCase("ubuntu@sha512:" + Hex64, ImageReferenceErrorKind.InvalidDigestLength, 78)]
    [TestCase("ubuntu@md5:" + Hex16 + Hex16, ImageReferenceErrorKind.UnsupportedDigestAlgorithm, 7)]
    [TestCase("ubuntu@SHA256:" + Hex64, ImageReferenceErrorKind.UnsupportedDigestAlgorithm, 7)]
    [TestCase("ubuntu@sha256+b64:" + Hex64, ImageReferenceErrorKind.UnsupportedDigestAlgorithm, 7)]
    [TestCase("ubuntu:1@sha256", ImageReferenceErrorKind.InvalidDigest, 15)]
    public void InvalidReferences(string input, ImageReferenceErrorKind kind, int offset)
    {
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.False);
            Assert.That(reference.ErrorKind, Is.EqualTo(kind), reference.ErrorMessage);
            Assert.That(reference.ErrorOffset, Is.EqualTo(offset), reference.ErrorMessage);
            Assert.That(reference.ErrorMessage, Is.Not.Null.And.Not.Empty);
            Assert.That(reference.Registry, Is.Null);
            Assert.That(reference.Repository, Is.Null);
            Assert.That(reference.Tag, Is.Null);
            Assert.That(reference.Digest, Is.Null);
            Assert.That(reference.FullName, Is.Empty);
            Assert.That(reference.FamiliarName, Is.Empty);
            Assert.That(reference.IsDockerHub, Is.False);
            Assert.That(reference.IsOfficialImage, Is.False);
        }
    }

    [TestCase(247, true, -1)]
    [TestCase(248, false, 247)]
    public void SingleElementLengthIncludesLibraryPrefix(int nameLength, bool valid, int offset)
    {
        var reference = ImageReference.Parse(new string('a', nameLength));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.EqualTo(valid));
            Assert.That(reference.ErrorOffset, Is.EqualTo(offset));
            Assert.That(reference.ErrorKind, Is.EqualTo(valid ? ImageReferenceErrorKind.None : ImageReferenceErrorKind.RepositoryTooLong));
        }
    }

    [TestCase("user/", 250, true, -1)]
    [TestCase("user/", 251, false, 255)]
    [TestCase("docker.io/", 247, true, -1)]
    [TestCase("docker.io/", 248, false, 257)]
    [TestCase("docker.io/user/", 250, true, -1)]
    [TestCase("docker.io/user/", 251, false, 265)]
    [TestCase("example.com/", 255, true, -1)]
    [TestCase("example.com/", 256, false, 267)]
    public void RepositoryLengthLimit(string prefix, int tailLength, bool valid, int offset)
    {
        var input = prefix + new string('b', tailLength) + ":tag";
        var reference = ImageReference.Parse(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.EqualTo(valid), reference.ErrorMessage);
            Assert.That(reference.ErrorOffset, Is.EqualTo(offset));
            if (valid)
            {
                Assert.That(reference.Tag?.Text, Is.EqualTo("tag"));
            }
            else
            {
                Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.RepositoryTooLong));
            }
        }
    }

    [Test]
    public void HexIdentifierWithTagIsAName()
    {
        var reference = ImageReference.Parse(Hex64 + ":1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.IsValid, Is.True);
            Assert.That(reference.Path, Is.EqualTo("library/" + Hex64));
            Assert.That(reference.Tag?.Text, Is.EqualTo("1"));
        }
    }

    [Test]
    public void UppercaseHexIdentifierIsNotTheIdRule()
    {
        var reference = ImageReference.Parse(Hex64.ToUpperInvariant());

        Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.UppercaseRepository));
    }

    [Test]
    public void NullIsTreatedAsEmpty()
    {
        var reference = ImageReference.Parse(null!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.Text, Is.Empty);
            Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.Empty));
            Assert.That(reference.ErrorOffset, Is.EqualTo(0));
        }
    }

    [Test]
    public void LoneSurrogateIsInvalidWithoutThrowing()
    {
        var reference = ImageReference.Parse("ubuntu:1\ud800");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reference.ErrorKind, Is.EqualTo(ImageReferenceErrorKind.InvalidTag));
            Assert.That(reference.ErrorOffset, Is.EqualTo(8));
            Assert.That(reference.ErrorMessage, Does.Contain("U+D800"));
        }
    }

    [Test]
    public void ErrorMessagesDescribeTheProblem()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ImageReference.Parse("Ubuntu").ErrorMessage, Does.Contain("lowercase"));
            Assert.That(ImageReference.Parse("ubuntu:").ErrorMessage, Does.Contain("tag must not be empty"));
            Assert.That(ImageReference.Parse("ubuntu:" + Tag128 + "x").ErrorMessage, Does.Contain("128"));
            Assert.That(ImageReference.Parse("ubuntu@md5:" + Hex16 + Hex16).ErrorMessage, Does.Contain("'md5'"));
            Assert.That(ImageReference.Parse("ubuntu ").ErrorMessage, Does.Contain("whitespace"));
            Assert.That(ImageReference.Parse(Hex64).ErrorMessage, Does.Contain("64-byte hexadecimal"));
        }
    }

    [Test]
    public void ToStringReturnsInput()
    {
        Assert.That(ImageReference.Parse("Bad Ref").ToString(), Is.EqualTo("Bad Ref"));
    }

    /// <summary>
    /// Differential test: a direct transcription of distribution/reference's ParseNormalizedNamed
    /// (regular expressions plus the go-digest checks) must agree with the hand-written scanner on
    /// validity, normalised name, tag and digest for many generated inputs. Invalid results must
    /// report an offset inside the input.
    /// </summary>
    [Test]
    public void AgreesWithRegexOracleOnGeneratedInputs()
    {
        string[] fragments =
        [
            "a", "b", "z", "0", "9", "A", "Z", ".", "_", "__", "-", "--", ":", "/", "@", "[", "]", "::1",
            "localhost", "docker.io", "index.docker.io", "library", "latest", "5000", "sha256:", "sha512:",
            "md5:", Hex64, Hex16 + Hex16, " ", "\u00e9", "ex.com", "Host",
        ];
        var random = new Random(20240917);
        var mismatches = new List<string>();
        var validCount = 0;
        for (var n = 0; n < 30000; n++)
        {
            var count = random.Next(1, 9);
            var input = string.Concat(Enumerable.Range(0, count).Select(_ => fragments[random.Next(fragments.Length)]));
            var reference = ImageReference.Parse(input);
            var expected = RegexOracle.Parse(input);
            if (reference.IsValid)
            {
                validCount++;
            }

            var actual = reference.IsValid
                ? (reference.Domain, reference.Path, reference.Tag?.Text ?? "", reference.Digest?.Text ?? "")
                : default((string, string, string, string)?);
            if (!Equals(actual, expected))
            {
                mismatches.Add($"'{input}': scanner {actual?.ToString() ?? "invalid: " + reference.ErrorMessage}, oracle {expected?.ToString() ?? "invalid"}");
            }

            if (!reference.IsValid && (reference.ErrorOffset < 0 || reference.ErrorOffset > input.Length))
            {
                mismatches.Add($"'{input}': error offset {reference.ErrorOffset} out of range");
            }

            if (reference.IsValid && Reassemble(reference) != input)
            {
                mismatches.Add($"'{input}': components do not reassemble the input");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Empty, string.Join(Environment.NewLine, mismatches.Take(20)));
            Assert.That(validCount, Is.GreaterThan(1000), "the generator should produce a healthy share of valid references");
        }
    }

    private static void AssertPart(string input, ImageReferencePart? part, int start, int length, string name)
    {
        if (start < 0)
        {
            Assert.That(part, Is.Null, name);
            return;
        }

        Assert.That(part, Is.Not.Null, name);
        Assert.That((part!.Value.Start, part.Value.Length), Is.EqualTo((start, length)), name);
        Assert.That(part.Value.Text, Is.EqualTo(input.Substring(start, length)), name);
    }

    private static string Reassemble(ImageReference reference)
    {
        var text = reference.Registry is { } registry ? registry.Text + "/" : "";
        text += reference.Repository?.Text;
        text += reference.Tag is { } tag ? ":" + tag.Text : "";
        text += reference.Digest is { } digest ? "@" + digest.Text : "";
        return text;
    }
}
