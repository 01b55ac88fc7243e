namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1044CredentialsInRunTests
{
    private const string Id = "DF1044";

    [TestCase("FROM amazon/aws-cli:2.22.0\nARG KEY\nRUN {|#0:aws configure set aws_secret_access_key \"$KEY\"|}\n", TestName = "aws configure set")]
    [TestCase("FROM google/cloud-sdk:500.0.0\nRUN {|#0:gcloud auth activate-service-account --key-file=/tmp/key.json|}\n", TestName = "gcloud key file")]
    [TestCase("FROM mcr.microsoft.com/azure-cli:2.67.0\nARG P\nRUN {|#0:az login --service-principal -u app -p \"$P\" --tenant t|}\n", TestName = "az login")]
    [TestCase("FROM debian:12\nARG T\nRUN {|#0:doctl auth init -t $T|}\n", TestName = "doctl")]
    [TestCase("FROM docker:27\nARG PW\nRUN {|#0:docker login -u ci -p \"$PW\" registry.example.com|} && docker pull x\n", TestName = "docker login -p")]
    [TestCase("FROM node:22\nARG NPM_TOKEN\nRUN {|#0:npm config set //registry.npmjs.org/:_authToken $NPM_TOKEN|} && npm ci\n", TestName = "npm token")]
    [TestCase("FROM debian:12\nRUN git clone https://ci:{|#0:ghp_16C7e42F292c6912E7710c838347Ae178B4a|}@github.com/o/r.git\n", TestName = "token in a git URL")]
    [TestCase("FROM debian:12\nRUN curl -u {|#0:admin:hunter22|} https://x.io/f -o f\n", TestName = "curl -u")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:docker login --password=x registry|}\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM amazon/aws-cli:2.22.0\nRUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws configure set aws_secret_access_key x\n", TestName = "with a secret mount")]
    [TestCase("FROM amazon/aws-cli:2.22.0\nRUN aws configure set region eu-west-1\n", TestName = "aws configure of a non-secret setting")]
    [TestCase("FROM docker:27\nRUN --mount=type=secret,id=pw docker login -u ci --password-stdin registry < /run/secrets/pw\n", TestName = "password from standard input")]
    [TestCase("FROM debian:12\nRUN git clone https://github.com/o/r.git && curl https://user@x.io/f -o f\n", TestName = "URLs without password")]
    [TestCase("FROM debian:12\nARG TOKEN\nRUN git clone https://ci:${TOKEN}@github.com/o/r.git\n", TestName = "password from a variable")]
    [TestCase("FROM debian:12\nRUN curl -u \"$USER:$PASS\" https://x.io -o f\n", TestName = "curl -u from variables")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
