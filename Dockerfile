# syntax=docker/dockerfile:1
# DockerLint as a container, for teams that run their linters that way:
#   docker build -t dockerlint .
#   docker run --rm -v "$PWD:/work:ro" dockerlint --format gcc .
# The gcc format gives paths relative to /work, the folder mounted from the host (the default
# format when the output is not a terminal, msbuild, gives absolute paths: /work/...).
# DockerLint's tests lint this file; it has not been built by them (no Docker engine there).

# Build stage: restore, build and publish the CLI with the SDK.
FROM mcr.microsoft.com/dotnet/sdk:10.0.100 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Cli/DockerLint.Cli.csproj --configuration Release --output /app -p:UseAppHost=false

# Runtime stage: only the .NET runtime and the published tool.
FROM mcr.microsoft.com/dotnet/runtime:10.0.0
WORKDIR /app
COPY --from=build /app .
# The .NET images ship the unprivileged user 'app' (UID 1654); the linter only reads files.
USER 1654
WORKDIR /work
# A linter runs once and exits: there is no long-running service whose health Docker could check.
HEALTHCHECK NONE
ENTRYPOINT ["dotnet", "/app/dockerlint.dll"]
