using DockerLint.Fuzz;

return FuzzCommand.Run(args);
