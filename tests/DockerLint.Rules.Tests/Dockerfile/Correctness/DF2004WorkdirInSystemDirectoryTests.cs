namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2004WorkdirInSystemDirectoryTests
{
    private const string Id = "DF2004";

    [TestCase("FROM alpine:3.20\nWORKDIR {|#0:/proc|}\n", TestName = "/proc")]
    [TestCase("FROM alpine:3.20\nWORKDIR {|#0:/dev/app|}\n", TestName = "below /dev")]
    [TestCase("FROM alpine:3.20\nWORKDIR {|#0:/sys/|}\n", TestName = "trailing slash")]
    [TestCase("FROM alpine:3.20\nWORKDIR {|#0://boot/./x|}\n", TestName = "unnormalised")]
    [TestCase("FROM alpine:3.20\nWORKDIR {|#0:\"/lost+found\"|}\n", TestName = "quoted")]
    [TestCase("FROM alpine:3.20\nENV DIR=/proc/x\nWORKDIR {|#0:$DIR|}\n", TestName = "through ENV")]
    [TestCase("FROM alpine:3.20\nONBUILD WORKDIR {|#0:/initrd|}\n", TestName = "ONBUILD")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM alpine:3.20\nWORKDIR /app\n", TestName = "an application directory")]
    [TestCase("FROM alpine:3.20\nWORKDIR /\n", TestName = "the root")]
    [TestCase("FROM alpine:3.20\nWORKDIR /devtools\n", TestName = "a name that starts like a system directory")]
    [TestCase("FROM alpine:3.20\nWORKDIR /opt/proc\n", TestName = "a system name further down")]
    [TestCase("FROM alpine:3.20\nWORKDIR dev\n", TestName = "relative")]
    [TestCase("FROM alpine:3.20\nARG DIR\nWORKDIR $DIR\n", TestName = "unknown")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\dev\n", TestName = "Windows")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
