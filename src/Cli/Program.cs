using System.CommandLine;
using DockerLint.Cli;

var paths = new Argument<string[]>("paths")
{
    Description = "Dockerfiles and Compose files, or folders to search for them (default: the current folder).",
    Arity = ArgumentArity.ZeroOrMore,
};

var root = new RootCommand("DockerLint: a static analyzer for Dockerfiles and Docker Compose files.");
root.Arguments.Add(paths);
root.SetAction(result => LintCommand.Run(result.GetValue(paths) ?? [], Console.Out, Console.Error));

var parseFile = new Argument<string>("file") { Description = "The Dockerfile or Compose file to parse." };
var buildKit = new Option<bool>("--buildkit") { Description = "Print BuildKit's s-expression dump instead of the tree." };
var parse = new Command("parse", "Print a Dockerfile's syntax tree with every span, or a Compose project's merged model with the origin of every value.");
parse.Arguments.Add(parseFile);
parse.Options.Add(buildKit);
parse.SetAction(result => ParseCommand.Run(result.GetValue(parseFile)!, result.GetValue(buildKit), Console.Out, Console.Error));
root.Subcommands.Add(parse);

return root.Parse(args).Invoke();
