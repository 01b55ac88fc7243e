using System.Globalization;
using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using static DockerLint.Parser.Tests.Compose.Merge.MergeTestKit;

namespace DockerLint.Parser.Tests.Compose.Merge;

/// <summary>Loading a project: several files, documents, extends and include, through in-memory files.</summary>
public sealed class ComposeFileSetTests
{
    private static string P(string path) => MemoryFiles.Full(path);

    private static Diagnostic Single0030(ComposeMergeResult result)
    {
        var found = result.Diagnostics.Where(d => d.Id == "DC0030").ToList();
        Assert.That(found, Has.Count.EqualTo(1), string.Join("\n", found.Select(d => d.GetMessage(CultureInfo.InvariantCulture))));
        return found[0];
    }

    // ---- files and documents --------------------------------------------------------------

    [Test]
    public void Files_merge_in_the_order_given()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n")
            .Add("/p/compose.override.yaml", "services:\n  web:\n    ports: [\"8080:80\"]\n    environment:\n      DEBUG: \"1\"\n");
        var result = files.Load("/p/compose.yaml", "/p/compose.override.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.WorkingDirectory, Is.EqualTo(P("/p")));
        Assert.That(result.Files.Select(f => (f.Path, f.Role)), Is.EqualTo(new[] { (P("/p/compose.yaml"), ComposeFileRole.Main), (P("/p/compose.override.yaml"), ComposeFileRole.Main) }));
        Assert.That(Values(result.Root!, "services.web.ports"), Is.EqualTo(new[] { "80:80", "8080:80" }));
        AssertWritten(At(result.Root!, "services.web.image"), "compose.yaml", "nginx", line: 3);
        AssertWritten(At(result.Root!, "services.web.environment.DEBUG"), "compose.override.yaml", "\"1\"", line: 5);
    }

    [Test]
    public void The_documents_of_a_file_merge_in_order()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  web:\n    image: a\n---\nservices:\n  web:\n    image: b\n    user: app\n");
        var result = files.Load("/p/compose.yaml");
        AssertWritten(At(result.Root!, "services.web.image"), "compose.yaml", "b", line: 7);
        AssertWritten(At(result.Root!, "services.web.user"), "compose.yaml", "app", line: 8);
    }

    [Test]
    public void Reset_in_an_override_file_removes_what_the_first_file_set()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n")
            .Add("/p/compose.override.yaml", "services:\n  web:\n    ports: !reset []\n");
        var result = files.Load("/p/compose.yaml", "/p/compose.override.yaml");
        Assert.That(Keys(result.Root!, "services.web"), Is.EqualTo(new[] { "image" }));
        AssertNoMergeTags(result.Root!);
    }

    [Test]
    public void A_missing_given_file_is_DC0005_and_the_others_still_load()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  web:\n    image: nginx\n");
        var result = files.Load("/p/compose.yaml", "/p/missing.yaml");
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DC0005"));
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("missing.yaml"));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web" }));
    }

    [Test]
    public void No_files_give_no_model()
    {
        var result = new MemoryFiles().Load();
        Assert.That(result.Root, Is.Null);
        Assert.That(result.Files, Is.Empty);
    }

    [Test]
    public void A_loader_that_throws_is_a_diagnostic_not_an_exception()
    {
        var result = ComposeFileSet.Load(["/p/compose.yaml"], _ => throw new IOException("disk on fire"));
        Assert.That(result.Root, Is.Null);
        Assert.That(result.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture), Does.Contain("disk on fire"));
    }

    [Test]
    public void A_top_level_that_is_not_a_mapping_is_a_schema_error()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "- not\n- a mapping\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Root, Is.Null);
        Assert.That(result.Diagnostics.Single().Id, Is.EqualTo("DC0010"));
    }

    [Test]
    public void The_yaml_diagnostics_of_loaded_files_are_passed_on_once()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib.yaml\n  - lib.yaml\nservices:\n  web:\n    image: a\n")
            .Add("/p/lib.yaml", "services:\n  db:\n    image: b\n    image: c\n    post_start: [{command: x}]\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0002" }));
        Assert.That(((YamlSequence)At(result.Root!, "services.db.post_start")).Items, Has.Length.EqualTo(1), "a file included twice is not merged onto itself");
        Assert.That(files.Reads[P("/p/lib.yaml")], Is.EqualTo(1), "a file is read once");
    }

    // ---- extends --------------------------------------------------------------------------

    [Test]
    public void Extends_in_the_same_file_inherits_and_overrides()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", """
            services:
              common:
                image: busybox
                environment:
                  TZ: utc
                  PORT: "80"
                command: [sleep, "10"]
              cli:
                extends:
                  service: common
                environment:
                  PORT: "8080"
                command: [run]
              short:
                extends: common
            """);
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Keys(result.Root!, "services.cli"), Is.EqualTo(new[] { "image", "environment", "command" }));
        AssertWritten(At(result.Root!, "services.cli.image"), "compose.yaml", "busybox", line: 3);
        AssertWritten(At(result.Root!, "services.cli.environment.TZ"), "compose.yaml", "utc", line: 5);
        AssertWritten(At(result.Root!, "services.cli.environment.PORT"), "compose.yaml", "\"8080\"", line: 12);
        Assert.That(Values(result.Root!, "services.cli.command"), Is.EqualTo(new[] { "run" }));
        AssertWritten(At(result.Root!, "services.short.image"), "compose.yaml", "busybox", line: 3);
        Assert.That(Find(result.Root!, "services.short.extends"), Is.Null);
    }

    [Test]
    public void Extends_applies_recursively()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  base:\n    image: busybox\n    user: root\n  common:\n    image: alpine\n    extends:\n      service: base\n  cli:\n    extends:\n      service: common\n");
        var result = files.Load("/p/compose.yaml");
        AssertWritten(At(result.Root!, "services.cli.user"), "compose.yaml", "root", line: 4);
        AssertWritten(At(result.Root!, "services.cli.image"), "compose.yaml", "alpine", line: 6);
        Assert.That(Find(result.Root!, "services.common.extends"), Is.Null);
    }

    [Test]
    public void Extends_a_file_relative_to_the_extending_file_and_its_own_extends_relative_to_it()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    extends:\n      file: lib/common.yaml\n      service: webapp\n    ports: [\"8080:80\"]\n")
            .Add("/p/lib/common.yaml", "services:\n  webapp:\n    extends:\n      file: ../shared/base.yaml\n      service: base\n    ports: [\"80:80\"]\n    build: ./app\n")
            .Add("/p/shared/base.yaml", "services:\n  base:\n    restart: always\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Values(result.Root!, "services.web.ports"), Is.EqualTo(new[] { "80:80", "8080:80" }));
        AssertWritten(At(result.Root!, "services.web.build"), "lib/common.yaml", "./app", line: 7);
        AssertWritten(At(result.Root!, "services.web.restart"), "shared/base.yaml", "always", line: 3);
        var extended = result.Files.Single(f => f.Path == P("/p/lib/common.yaml"));
        Assert.That(extended.Role, Is.EqualTo(ComposeFileRole.Extends));
        Assert.That(extended.WorkingDirectory, Is.EqualTo(P("/p/lib")), "relative paths of an extends file are its own");
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web" }), "services of an extends file are not imported");
    }

    [Test]
    public void Extends_inherits_depends_on_links_and_volumes_from_as_compose_go_does()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  db:\n    image: postgres\n  base:\n    image: a\n    depends_on: [db]\n    links: [db]\n    volumes_from: [db]\n  web:\n    extends: base\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(Values(result.Root!, "services.web.depends_on"), Is.EqualTo(new[] { "db" }));
        Assert.That(Values(result.Root!, "services.web.links"), Is.EqualTo(new[] { "db" }));
        Assert.That(Values(result.Root!, "services.web.volumes_from"), Is.EqualTo(new[] { "db" }));
    }

    [Test]
    public void Reset_in_the_extending_service_removes_an_inherited_key()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  base:\n    image: a\n    ports: [\"80:80\"]\n  web:\n    extends: base\n    ports: !reset []\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(Keys(result.Root!, "services.web"), Is.EqualTo(new[] { "image" }));
        Assert.That(Values(result.Root!, "services.base.ports"), Is.EqualTo(new[] { "80:80" }));
        AssertNoMergeTags(result.Root!);
    }

    [Test]
    public void An_extends_cycle_is_DC0030_and_loading_goes_on()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  a:\n    image: x\n    extends: b\n  b:\n    user: y\n    extends:\n      service: a\n  c:\n    image: z\n");
        var result = files.Load("/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("a -> b -> a"));
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("a"));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(7));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(Keys(result.Root!, "services.a"), Is.EqualTo(new[] { "user", "image" }), "a still inherits from b, which stops at the cycle");
        Assert.That(Find(result.Root!, "services.b.extends"), Is.Null);
    }

    [Test]
    public void A_service_extending_itself_is_a_cycle()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  a:\n    image: x\n    extends: a\n");
        var diagnostic = Single0030(files.Load("/p/compose.yaml"));
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("a -> a"));
    }

    [Test]
    public void An_extends_cycle_across_files_is_DC0030()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    extends:\n      file: other.yaml\n      service: one\n")
            .Add("/p/other.yaml", "services:\n  one:\n    extends:\n      file: compose.yaml\n      service: web\n");
        var result = files.Load("/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("Extends cycle"));
        Assert.That(result.Services!.ContainsKey("web"), Is.True);
    }

    [Test]
    public void Extending_a_missing_service_is_DC0030_on_the_service_name()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  web:\n    image: a\n    extends:\n      service: nope\n");
        var result = files.Load("/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("nope"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(Keys(result.Root!, "services.web"), Is.EqualTo(new[] { "image" }), "kept, without extends");
    }

    [Test]
    public void Extending_from_a_missing_file_is_DC0030_on_the_file()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  web:\n    image: a\n    extends:\n      file: gone.yaml\n      service: base\n  api:\n    extends:\n      file: gone.yaml\n      service: base\n");
        var result = files.Load("/p/compose.yaml");
        var found = result.Diagnostics.Where(d => d.Id == "DC0030").ToList();
        Assert.That(found, Has.Count.EqualTo(2), "each reference is reported");
        Assert.That(found.Select(files.Spanned), Is.All.EqualTo("gone.yaml"));
        Assert.That(found[0].GetMessage(CultureInfo.InvariantCulture), Does.Contain(P("/p/gone.yaml")));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web", "api" }));
    }

    [Test]
    public void Extends_without_a_service_is_DC0030()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "services:\n  web:\n    extends:\n      file: x.yaml\n");
        var diagnostic = Single0030(files.Load("/p/compose.yaml"));
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("file: x.yaml"));
    }

    [Test]
    public void An_extends_file_is_read_once_and_without_its_includes()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  a:\n    extends: { file: lib.yaml, service: base }\n  b:\n    extends: { file: lib.yaml, service: base }\n")
            .Add("/p/lib.yaml", "include:\n  - never.yaml\nservices:\n  base:\n    image: a\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty, "never.yaml is not looked for");
        Assert.That(files.Reads[P("/p/lib.yaml")], Is.EqualTo(1));
        Assert.That(files.Reads.ContainsKey(P("/p/never.yaml")), Is.False);
        AssertWritten(At(result.Root!, "services.b.image"), "lib.yaml", "a", line: 5);
    }

    [Test]
    public void Extends_references_with_unknown_variables_are_skipped_with_a_warning()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    image: a\n    extends:\n      file: ${LIB}/common.yaml\n      service: base\n")
            .Add("/p/lib/common.yaml", "services:\n  base:\n    user: app\n");
        var skipped = files.Load("/p/compose.yaml");
        var warning = Single0030(skipped);
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(Keys(skipped.Root!, "services.web"), Is.EqualTo(new[] { "image" }));

        var resolved = ComposeFileSet.Load(["/p/compose.yaml"], files.Read, s => s.Value.Replace("${LIB}", "lib", StringComparison.Ordinal));
        Assert.That(resolved.Diagnostics, Is.Empty);
        AssertWritten(At(resolved.Root!, "services.web.user"), "lib/common.yaml", "app");
    }

    [Test]
    public void Extends_in_an_override_file_resolves_against_the_project_directory()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "services:\n  web:\n    image: a\n")
            .Add("/q/override.yaml", "services:\n  web:\n    extends:\n      file: lib.yaml\n      service: base\n")
            .Add("/p/lib.yaml", "services:\n  base:\n    user: app\n");
        var result = files.Load("/p/compose.yaml", "/q/override.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        AssertWritten(At(result.Root!, "services.web.user"), "/p/lib.yaml", "app");
    }

    [Test]
    public void A_very_long_extends_chain_is_cut_with_DC0030()
    {
        // Written deepest first, so that resolving the first service walks the whole chain.
        var text = "services:\n" + string.Concat(Enumerable.Range(1, 100).Reverse().Select(i => $"  s{i}:\n    extends: s{i - 1}\n")) + "  s0:\n    image: a\n";
        var files = new MemoryFiles().Add("/p/compose.yaml", text);
        var result = files.Load(new ComposeMergeOptions { MaxExtendsDepth = 10 }, "/p/compose.yaml");
        Assert.That(Dc0030(result.Diagnostics), Is.Not.Empty);
        Assert.That(Dc0030(result.Diagnostics), Has.All.Contains("longer than 10"));
        Assert.That(result.Services!.Entries, Has.Length.EqualTo(101));
        Assert.That(Find(result.Root!, "services.s1.image"), Is.Not.Null, "a service below the cut still inherits");
    }

    // ---- include --------------------------------------------------------------------------

    [Test]
    public void Include_adds_the_resources_of_the_included_file()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib/db.yaml\nservices:\n  web:\n    image: a\n    depends_on: [db]\n")
            .Add("/p/lib/db.yaml", "services:\n  db:\n    image: postgres\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data:\nnetworks:\n  back:\nsecrets:\n  pw:\n    file: ./pw.txt\nconfigs:\n  conf:\n    file: ./c.conf\nx-ignored: 1\nname: other\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Keys(result.Root!, ""), Is.EqualTo(new[] { "services", "volumes", "networks", "secrets", "configs" }));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web", "db" }));
        AssertWritten(At(result.Root!, "services.db.image"), "lib/db.yaml", "postgres", line: 3);
        AssertWritten(At(result.Root!, "secrets.pw.file"), "lib/db.yaml", "./pw.txt", line: 11);
        var included = result.Files.Single(f => f.Role == ComposeFileRole.Include);
        Assert.That(included.Path, Is.EqualTo(P("/p/lib/db.yaml")));
        Assert.That(included.WorkingDirectory, Is.EqualTo(P("/p/lib")));
    }

    [Test]
    public void Include_applies_recursively_relative_to_each_included_project()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - path: a/compose.yaml\nservices:\n  web:\n    image: w\n")
            .Add("/p/a/compose.yaml", "include:\n  - b/compose.yaml\nservices:\n  a:\n    image: x\n")
            .Add("/p/a/b/compose.yaml", "services:\n  b:\n    image: y\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web", "a", "b" }));
        AssertWritten(At(result.Root!, "services.b.image"), "a/b/compose.yaml", "y");
    }

    [Test]
    public void An_include_path_list_is_merged_together()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - path:\n      - lib/compose.yaml\n      - lib/override.yaml\n")
            .Add("/p/lib/compose.yaml", "services:\n  db:\n    image: postgres:15\n    restart: always\n")
            .Add("/p/lib/override.yaml", "services:\n  db:\n    image: postgres:16\n");
        var result = files.Load("/p/compose.yaml");
        AssertWritten(At(result.Root!, "services.db.image"), "lib/override.yaml", "postgres:16", line: 3);
        AssertWritten(At(result.Root!, "services.db.restart"), "lib/compose.yaml", "always", line: 4);
        Assert.That(result.Files.Where(f => f.Role == ComposeFileRole.Include).Select(f => f.WorkingDirectory), Is.All.EqualTo(P("/p/lib")));
    }

    [Test]
    public void Include_project_directory_and_env_file_are_recorded()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - path: ../commons/compose.yaml\n    project_directory: ..\n    env_file:\n      - ../another/.env\n      - /dev/null\n")
            .Add("/commons/compose.yaml", "include:\n  - sub.yaml\nservices:\n  c:\n    image: c\n")
            .Add("/sub.yaml", "services:\n  s:\n    image: s\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty, "sub.yaml is resolved against the project directory /, not /commons");
        var included = result.Files.Single(f => f.Path == P("/commons/compose.yaml"));
        Assert.That(included.WorkingDirectory, Is.EqualTo(P("/")));
        Assert.That(included.EnvFiles, Is.EqualTo(new[] { P("/another/.env") }));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "c", "s" }));
    }

    [Test]
    public void An_include_cycle_is_DC0030_on_the_path()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - other.yaml\nservices:\n  web:\n    image: a\n")
            .Add("/p/other.yaml", "include:\n  - compose.yaml\nservices:\n  api:\n    image: b\n");
        var result = files.Load("/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("compose.yaml -> other.yaml -> compose.yaml"));
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("compose.yaml"));
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(P("/p/other.yaml")));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web", "api" }));
    }

    [Test]
    public void A_file_including_itself_is_a_cycle()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "include:\n  - ./compose.yaml\nservices:\n  web:\n    image: a\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(files.Spanned(Single0030(result)), Is.EqualTo("./compose.yaml"));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web" }));
    }

    [Test]
    public void A_missing_included_file_is_DC0030_on_the_path()
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", "include:\n  - path: nope.yaml\nservices:\n  web:\n    image: a\n");
        var result = files.Load("/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("nope.yaml"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web" }));
    }

    [TestCase("include: lib.yaml\n", "lib.yaml")]
    [TestCase("include:\n  - project_directory: lib\n", "project_directory: lib")]
    [TestCase("include:\n  - path: [a.yaml, [b]]\n", "[b")]
    public void Malformed_includes_are_DC0030(string include, string spanned)
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", include + "services:\n  web:\n    image: a\n").Add("/p/a.yaml", "services: {}\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(files.Spanned(result.Diagnostics.First(d => d.Id == "DC0030")), Does.StartWith(spanned));
        Assert.That(Keys(result.Root!, "services"), Does.Contain("web"));
        Assert.That(result.Root!.ContainsKey("include"), Is.False);
    }

    [Test]
    public void Include_paths_go_through_the_interpolation_callback()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - ${LIB:?set LIB}/compose.yaml\n  - $${literal}/x.yaml\nservices:\n  web:\n    image: a\n")
            .Add("/p/lib/compose.yaml", "services:\n  db:\n    image: b\n");
        var unknown = files.Load("/p/compose.yaml");
        var warnings = unknown.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.That(warnings.Select(files.Spanned), Is.EqualTo(new[] { "${LIB:?set LIB}/compose.yaml" }));
        Assert.That(Dc0030(unknown.Diagnostics).Last(), Does.Contain(P("/p/${literal}/x.yaml")), "$$ is a literal dollar");

        var known = ComposeFileSet.Load(["/p/compose.yaml"], files.Read, s => s.Value.StartsWith("${LIB", StringComparison.Ordinal) ? "lib/compose.yaml" : null);
        Assert.That(Keys(known.Root!, "services"), Is.EqualTo(new[] { "web", "db" }));
    }

    [TestCase("oci://docker.io/example/app:latest")]
    [TestCase("https://github.com/example/app.git#main:compose.yaml")]
    [TestCase("git@github.com:example/app.git")]
    public void Remote_includes_are_skipped_with_a_warning(string remote)
    {
        var files = new MemoryFiles().Add("/p/compose.yaml", $"include:\n  - \"{remote}\"\nservices:\n  web:\n    image: a\n");
        var result = files.Load("/p/compose.yaml");
        var warning = Single0030(result);
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.GetMessage(CultureInfo.InvariantCulture), Does.Contain("remote"));
        Assert.That(files.Reads.Keys, Is.EqualTo(new[] { P("/p/compose.yaml") }));
    }

    [Test]
    public void A_resource_defined_by_both_sides_merges_the_including_definition_onto_the_included_one()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib.yaml\nservices:\n  bar:\n    image: busybox\n    environment: !override\n      - ZOT=QIX\n")
            .Add("/p/lib.yaml", "services:\n  bar:\n    image: bar\n    environment:\n      - FOO=BAR\n    restart: always\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        AssertWritten(At(result.Root!, "services.bar.image"), "compose.yaml", "busybox", line: 5);
        AssertWritten(At(result.Root!, "services.bar.restart"), "lib.yaml", "always", line: 6);
        Assert.That(Values(result.Root!, "services.bar.environment"), Is.EqualTo(new[] { "ZOT=QIX" }));
        AssertNoMergeTags(result.Root!);
    }

    [Test]
    public void Reset_in_the_including_file_removes_an_included_resource()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib.yaml\nservices:\n  debug: !reset {}\n  web:\n    image: w\n")
            .Add("/p/lib.yaml", "services:\n  debug:\n    image: d\n  db:\n    image: p\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "web", "db" }));
    }

    [Test]
    public void In_report_mode_a_differing_resource_is_DC0030_and_an_identical_one_is_not()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib.yaml\nservices:\n  bar:\n    image: busybox\n  same:\n    image: x\n")
            .Add("/p/lib.yaml", "services:\n  bar:\n    image: bar\n  same:\n    image: x\n  other:\n    image: y\n");
        var result = files.Load(new ComposeMergeOptions { IncludeConflicts = IncludeConflictMode.Report }, "/p/compose.yaml");
        var diagnostic = Single0030(result);
        Assert.That(files.Spanned(diagnostic), Is.EqualTo("bar"));
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(P("/p/compose.yaml")));
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Does.Contain("services.bar conflicts"));
        AssertWritten(At(result.Root!, "services.bar.image"), "compose.yaml", "busybox");
        Assert.That(Keys(result.Root!, "services"), Is.EqualTo(new[] { "bar", "same", "other" }));
    }

    [Test]
    public void A_service_can_extend_a_service_from_an_included_file()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib.yaml\nservices:\n  web:\n    extends: base\n    image: w\n")
            .Add("/p/lib.yaml", "services:\n  base:\n    user: app\n    image: b\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty);
        AssertWritten(At(result.Root!, "services.web.user"), "lib.yaml", "app", line: 3);
        AssertWritten(At(result.Root!, "services.web.image"), "compose.yaml", "w", line: 6);
    }

    [Test]
    public void An_included_file_keeps_its_own_extends()
    {
        var files = new MemoryFiles()
            .Add("/p/compose.yaml", "include:\n  - lib/compose.yaml\n")
            .Add("/p/lib/compose.yaml", "services:\n  api:\n    extends:\n      file: base.yaml\n      service: base\n")
            .Add("/p/lib/base.yaml", "services:\n  base:\n    image: api\n");
        var result = files.Load("/p/compose.yaml");
        Assert.That(result.Diagnostics, Is.Empty, "base.yaml resolves against the included project, /p/lib");
        AssertWritten(At(result.Root!, "services.api.image"), "lib/base.yaml", "api");
    }

    // ---- default files --------------------------------------------------------------------

    [Test]
    public void Default_files_are_the_first_compose_file_and_the_first_override()
    {
        var existing = new HashSet<string> { P("/p/compose.yml"), P("/p/docker-compose.yaml"), P("/p/docker-compose.override.yml"), P("/p/compose.override.yaml") };
        Assert.That(ComposeDefaultFiles.Find(P("/p"), fileExists: existing.Contains), Is.EqualTo(new[] { P("/p/compose.yml"), P("/p/compose.override.yaml") }));
    }

    [Test]
    public void Docker_compose_yml_is_preferred_to_docker_compose_yaml_as_compose_go_does()
    {
        var existing = new HashSet<string> { P("/p/docker-compose.yaml"), P("/p/docker-compose.yml") };
        Assert.That(ComposeDefaultFiles.Find(P("/p"), fileExists: existing.Contains), Is.EqualTo(new[] { P("/p/docker-compose.yml") }));
    }

    [Test]
    public void Default_files_may_be_searched_in_parent_folders()
    {
        var existing = new HashSet<string> { P("/p/compose.yaml") };
        Assert.That(ComposeDefaultFiles.Find(P("/p/a/b"), fileExists: existing.Contains), Is.Empty);
        Assert.That(ComposeDefaultFiles.Find(P("/p/a/b"), searchParentDirectories: true, fileExists: existing.Contains), Is.EqualTo(new[] { P("/p/compose.yaml") }));
    }

    [Test]
    public void Default_files_are_found_on_disk()
    {
        var folder = Directory.CreateTempSubdirectory("dockerlint-merge-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "docker-compose.yml"), "services: {}\n");
            File.WriteAllText(Path.Combine(folder.FullName, "docker-compose.override.yml"), "services: {}\n");
            var found = ComposeDefaultFiles.Find(folder.FullName);
            Assert.That(found.Select(Path.GetFileName), Is.EqualTo(new[] { "docker-compose.yml", "docker-compose.override.yml" }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
