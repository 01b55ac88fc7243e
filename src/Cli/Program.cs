using DockerLint.Cli;
using DockerLint.Cli.Commands;

var environment = CliEnvironment.FromConsole();
int exitCode;
try
{
    exitCode = CommandLine.Run(args, environment);
}
catch (Exception e)
{
    // A bug in DockerLint, not a problem of the files: say so, and never exit as if the files were clean.
    environment.Error.WriteLine($"dockerlint: internal error: {e}");
    exitCode = ExitCodes.Incomplete;
}

environment.Output.Flush();
return exitCode;
