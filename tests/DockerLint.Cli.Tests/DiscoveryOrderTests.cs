namespace DockerLint.Cli.Tests;

/// <summary>
/// The lazy folder walk finds exactly what the whole-tree search found before it (<see cref="WholeTreeDiscovery"/>),
/// in the same order, with the same problems: names that sort around the path separator, case, the
/// default patterns' edges, <c>--include</c>/<c>--exclude</c>, skipped, hidden, symlinked and unreadable folders.
/// </summary>
public sealed class DiscoveryOrderTests
{
    private static readonly string[] s_fileNames =
    [
        "Dockerfile", "dockerfile", "DOCKERFILE", "Dockerfile.", ".Dockerfile", "Dockerfile.dev", "dev.Dockerfile", "Dockerfile-old",
        "Dockerfile copy", "Dockerfile!", "!Dockerfile", "Dockerfile.dockerignore", "x.dockerignore", ".dockerignore", "Containerfile",
        "containerfile.x", "a.containerfile", "Containerfile.DOCKERIGNORE", "compose.yml", "compose.yaml", "Compose.YAML", "compose.override.yml",
        "compose.yml.bak", "composeyml", "compose.yamlx", "docker-compose.yml", "docker-compose.ci.yaml", "docker-compose", "README.md",
        "stack.yml", "Dockerfile.ü", "日本.Dockerfile",
    ];

    private static readonly string[] s_folderNames =
    [
        "a", "a.b", "a-b", "a b", "a!b", "a0", "A", "a+", ".hidden", ".git", "node_modules", "Node_Modules", "BIN", "obj", "objx",
        "y.dockerignore", "Z.DOCKERIGNORE", "Dockerfile.d", "compose.yaml.d", "ü", "日本", "sub",
    ];

    /// <summary>A tree with every tricky name at two levels, a third level in a few folders, and symbolic links.</summary>
    private static string TrickyTree()
    {
        var root = CliHarness.TempDir();
        foreach (var folder in s_folderNames.Prepend(""))
        {
            foreach (var file in s_fileNames)
            {
                CliHarness.Files(root, (Path.Combine(folder, file), "FROM scratch\n"));
            }

            foreach (var inner in new[] { "sub", "a", "a.b", "Containerfile.x" })
            {
                CliHarness.Files(root, (Path.Combine(folder, inner, "Dockerfile"), "FROM scratch\n"), (Path.Combine(folder, inner, "compose.yaml"), "services: {}\n"), (Path.Combine(folder, inner, "deeper", "x", "Dockerfile"), ""));
            }
        }

        // A folder named as a Dockerfile is a folder (searched), not a file.
        CliHarness.Files(root, ("weird/Dockerfile/Dockerfile", ""), ("weird/compose.yaml/x.yml", ""));
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "link-to-a"), Path.Combine(root, "a"));
            Directory.CreateSymbolicLink(Path.Combine(root, "Dockerfile.linked-folder"), Path.Combine(root, "a"));
            File.CreateSymbolicLink(Path.Combine(root, "linked.Dockerfile"), Path.Combine(root, "Dockerfile"));
            File.CreateSymbolicLink(Path.Combine(root, "sub", "broken.Dockerfile"), Path.Combine(root, "nowhere"));
            Directory.CreateSymbolicLink(Path.Combine(root, "a", "up"), root);
        }

        return root;
    }

    private static void AssertSame(string currentDirectory, DiscoveryOptions options, params string[] paths)
    {
        var environment = new CliEnvironment(new StringWriter(), new StringWriter(), currentDirectory);
        var expectedProblems = new List<ToolProblem>();
        var expected = WholeTreeDiscovery.Find(paths, options, environment, expectedProblems);
        var problems = new List<ToolProblem>();
        var found = SourceFiles.Find(paths, options, environment, problems);
        Assert.That(found, Is.EqualTo(expected), $"paths [{string.Join(", ", paths)}], include [{string.Join(", ", options.Include)}], exclude [{string.Join(", ", options.Exclude)}]");
        Assert.That(problems.Distinct().Order(ToolProblem.Order), Is.EqualTo(expectedProblems.Distinct().Order(ToolProblem.Order)));
    }

    [Test]
    public void The_default_search_finds_what_the_whole_tree_search_found_in_the_same_order()
    {
        var root = TrickyTree();
        AssertSame(root, new DiscoveryOptions());
        Assert.That(SourceFiles.Find([], new DiscoveryOptions(), new CliEnvironment(new StringWriter(), new StringWriter(), root), []), Has.Count.GreaterThan(400));
    }

    [TestCase(new[] { "**/*.md", "a*/**/*.yml" }, new string[0])]
    [TestCase(new string[0], new[] { "a.b", "**/sub/**", "a b/**", "**/*.yaml" })]
    [TestCase(new string[0], new[] { "**/Dockerfile", "a" })]
    [TestCase(new string[0], new[] { "*" })]
    [TestCase(new string[0], new[] { "**/*" })]
    [TestCase(new string[0], new[] { "**/a/**", "Dockerfile.d/", "./sub" })]
    [TestCase(new[] { "**/*" }, new[] { "**/deeper" })]
    [TestCase(new[] { "sub/*", "*.yml", "**/x/*" }, new[] { "**/*.Dockerfile", "**/.hidden/**" })]
    [TestCase(new[] { "../*/README.md" }, new[] { "../a/**" })]
    public void Include_and_exclude_decide_as_the_whole_tree_search_did(string[] include, string[] exclude)
    {
        var root = TrickyTree();
        AssertSame(root, new DiscoveryOptions { Include = include, Exclude = exclude });
        AssertSame(root, new DiscoveryOptions { Include = include, Exclude = exclude }, "a", "sub/");
    }

    [Test]
    public void Several_folders_and_named_files_are_merged_each_file_once()
    {
        var root = TrickyTree();
        AssertSame(root, new DiscoveryOptions(), "a", ".", "a.b/Dockerfile", "a/", "./a/../a.b", "README.md", "missing", "a/sub");
        AssertSame(root, new DiscoveryOptions { FileType = FileKind.Compose, StdinFileName = "a/Dockerfile" }, "a", "Dockerfile", "-", "a b/stack.yml");
        AssertSame(root, new DiscoveryOptions { StdinFileName = "Dockerfile" }, "-", ".", "Dockerfile");
        AssertSame(Path.Combine(root, "a"), new DiscoveryOptions(), "..", "/nonexistent-dockerlint-path", "-");
    }

    [Test]
    public void The_corpus_is_found_as_before()
    {
        var corpus = SharedCorpus.FolderOrIgnore("the corpus discovery test");

        AssertSame(corpus, new DiscoveryOptions());
        AssertSame(corpus, new DiscoveryOptions { Include = ["**/*.yml"], Exclude = ["**/test*/**"] });
    }

    [Test]
    public void An_unreadable_folder_is_a_problem_as_before()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("permissions are POSIX modes here");
            return;
        }

        var root = TrickyTree();
        var locked = Path.Combine(root, "a b", "sub");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            try
            {
                Directory.GetFileSystemEntries(locked);
                Assert.Ignore("the folder can still be read (running as root)");
            }
            catch (UnauthorizedAccessException)
            {
            }

            AssertSame(root, new DiscoveryOptions());
            AssertSame(root, new DiscoveryOptions { Exclude = ["**/sub"] });
            AssertSame(root, new DiscoveryOptions(), "a b/sub", "a b/");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Test]
    public void Folders_are_read_only_when_the_enumeration_reaches_them()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("a/Dockerfile", ""), ("b/c/Dockerfile", ""));
        var files = SourceFiles.Discover([], new DiscoveryOptions(), new CliEnvironment(new StringWriter(), new StringWriter(), root), []).InPathOrder();
        using var enumerator = files.GetEnumerator();
        Assert.That(enumerator.MoveNext(), Is.True);
        Assert.That(enumerator.Current.Path, Is.EqualTo(Path.Combine(root, "a", "Dockerfile")));

        // b/c has not been read yet: a file added there now is found.
        CliHarness.Files(root, ("b/c/d/compose.yaml", ""));
        var rest = new List<string>();
        while (enumerator.MoveNext())
        {
            rest.Add(Path.GetRelativePath(root, enumerator.Current.Path).Replace('\\', '/'));
        }

        Assert.That(rest, Is.EqualTo(new[] { "b/c/Dockerfile", "b/c/d/compose.yaml" }));
    }

    [Test]
    public void A_path_list_gives_back_what_was_added()
    {
        var random = new Random(7);
        var paths = new List<string> { "", "/", "/a", "/a", "/a/b", "/ab", "/a\uD83D\uDE00b", "/a\uD83D\uDE01", "/\uDC00lone", "/x" + new string('y', 100_000), "/x" };
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 40);
            paths.Add("/repo/" + new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(1, random.Next(2) == 0 ? 128 : 0xFFFF))]));
        }

        var list = new PathList();
        foreach (var path in paths)
        {
            list.Add(path);
        }

        Assert.That(list.Count, Is.EqualTo(paths.Count));
        Assert.That(list.ToList(), Is.EqualTo(paths));
    }

    [Test]
    public void Compose_files_kept_as_paths_form_the_projects_grouping_forms()
    {
        string[] names = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml", "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml", "compose.prod.yaml", "Compose.Override.yml", "stack.yml"];
        string[] folders = ["/r", "/r/a", "/r/a.b", "/r/a/b", "/r/b", "/r/compose.yaml.d", "/r/z"];
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var paths = new HashSet<string>(StringComparer.Ordinal);
            var count = random.Next(1, 25);
            for (var i = 0; i < count; i++)
            {
                paths.Add($"{folders[random.Next(folders.Length)]}/{names[random.Next(names.Length)]}");
            }

            var ordered = paths.Order(StringComparer.Ordinal).ToList();
            var standardInput = random.Next(3) == 0 ? ordered[random.Next(ordered.Count)] : null;
            var files = ordered.Select(p => new SourceFile(p, FileKind.Compose, IsStandardInput: p == standardInput)).ToList();
            var kept = new ComposeFiles();
            foreach (var file in files)
            {
                kept.Add(file);
            }

            static string Show(WorkItem item) => string.Join(" + ", item.Files.Select(f => f.Path + (f.IsStandardInput ? " (stdin)" : "")));
            Assert.That(kept.Items().Select(Show), Is.EqualTo(WholeTreeDiscovery.Group(files).Select(Show)), string.Join(", ", ordered));
            Assert.That(kept.Count, Is.EqualTo(files.Count));
        }
    }
}
