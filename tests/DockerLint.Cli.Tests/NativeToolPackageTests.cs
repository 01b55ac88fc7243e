using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerLint.Cli.Tests;

/// <summary>
/// The release tool packages (<c>dotnet pack src/Cli -p:NativeTool=true</c>, packed and installed by
/// <c>.ci/aot</c>, which names the package folder in DOCKERLINT_NATIVE_PACKAGES and the installed
/// command in DOCKERLINT_NATIVE_EXE): the package users install points at a Native AOT package for
/// linux-x64 and a framework-dependent one for every other platform, and on linux-x64 the installed
/// command is the native executable. Skipped without the variables.
/// </summary>
[Category("Native")]
public sealed partial class NativeToolPackageTests
{
    private static readonly string? s_packages = Environment.GetEnvironmentVariable("DOCKERLINT_NATIVE_PACKAGES");
    private static readonly string? s_installed = Environment.GetEnvironmentVariable("DOCKERLINT_NATIVE_EXE");

    [SetUp]
    public void RequirePackages()
    {
        if (string.IsNullOrEmpty(s_packages) || string.IsNullOrEmpty(s_installed))
        {
            Assert.Ignore("DOCKERLINT_NATIVE_PACKAGES and DOCKERLINT_NATIVE_EXE are not set; .ci/aot packs and installs the native tool and runs these tests.");
        }
    }

    [Test]
    public void The_tool_package_names_a_native_and_a_framework_dependent_package()
    {
        var names = Directory.GetFiles(s_packages!, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(names, Has.Count.EqualTo(3), string.Join(", ", names));
        Assert.That(names.Select(n => VersionAndExtension().Replace(n!, "")), Is.EquivalentTo(new[] { "DockerLint", "DockerLint.any", "DockerLint.linux-x64" }));

        var pointer = Entries(Package("DockerLint"));
        Assert.That(pointer.Keys.Where(k => k.EndsWith(".dll", StringComparison.Ordinal)), Is.Empty, "the package users install holds no implementation");
        var settings = pointer.Single(e => e.Key.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Value;
        Assert.That(settings, Does.Contain("RuntimeIdentifier=\"linux-x64\"").And.Contain("RuntimeIdentifier=\"any\""));
        Assert.That(pointer.Single(e => e.Key.EndsWith(".nuspec", StringComparison.Ordinal)).Value, Does.Contain("<packageType name=\"DotnetTool\""));

        var native = Entries(Package("DockerLint.linux-x64"));
        Assert.That(native.Keys, Has.Some.EndsWith("/linux-x64/dockerlint"));
        Assert.That(native.Keys.Where(k => k.EndsWith(".dll", StringComparison.Ordinal)), Is.Empty, "Native AOT: one executable, no assemblies");

        var fallback = Entries(Package("DockerLint.any"));
        Assert.That(fallback.Keys, Has.Some.EndsWith("/dockerlint.dll"));
        Assert.That(fallback.Keys, Has.Some.EndsWith("/Sarif.dll"));
    }

    [Test]
    public void The_installed_command_on_linux_x64_is_the_native_executable()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Ignore("the native package is for linux-x64");
        }

        var target = new FileInfo(s_installed!).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? s_installed!;
        var bytes = File.ReadAllBytes(target);
        Assert.That(bytes.AsSpan(0, 4).SequenceEqual("\u007fELF"u8), Is.True, $"{target} is an ELF executable");

        // A Native AOT executable exports the runtime's debug header; the apphost that starts a
        // framework-dependent tool does not, and has a dockerlint.dll beside it.
        Assert.That(bytes.AsSpan().IndexOf("DotNetRuntimeDebugHeader"u8), Is.GreaterThanOrEqualTo(0), $"{target} is a Native AOT executable");
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "dockerlint.dll")), Is.False, "no managed assembly beside it");
    }

    [GeneratedRegex(@"\.\d+\.\d+\.\d+.*\.nupkg$")]
    private static partial Regex VersionAndExtension();

    private static string Package(string id)
        => Directory.GetFiles(s_packages!, id + ".*.nupkg").Single(p => char.IsDigit(Path.GetFileName(p)[(id.Length + 1)..][0]));

    private static Dictionary<string, string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            if (!e.FullName.EndsWith(".xml", StringComparison.Ordinal) && !e.FullName.EndsWith(".nuspec", StringComparison.Ordinal))
            {
                return "";
            }

            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });
    }
}
