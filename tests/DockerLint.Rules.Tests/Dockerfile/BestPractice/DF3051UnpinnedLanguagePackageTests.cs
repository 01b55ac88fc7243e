namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3051UnpinnedLanguagePackageTests
{
    private const string Id = "DF3051";

    [TestCase("FROM python:3.12\nRUN pip install --no-cache-dir {|#0:flask|} gunicorn==23.0.0\n", TestName = "pip")]
    [TestCase("FROM python:3.12\nRUN python3 -m pip install {|#0:'uvicorn[standard]'|}\n", TestName = "python -m pip with extras")]
    [TestCase("FROM python:3.12\nRUN pip3 install --index-url https://pypi.example.com/simple {|#0:requests|}\n", TestName = "an option's value is no package")]
    [TestCase("FROM node:22\nRUN npm install -g {|#0:typescript|} eslint@9.1.0\n", TestName = "npm -g")]
    [TestCase("FROM node:22\nRUN npm i -g {|#0:@angular/cli@latest|}\n", TestName = "npm at latest")]
    [TestCase("FROM node:22\nRUN yarn global add {|#0:serve|}\n", TestName = "yarn global add")]
    [TestCase("FROM node:22\nRUN pnpm add {|#0:zx|}\n", TestName = "pnpm add")]
    [TestCase("FROM ruby:3.3\nRUN gem install {|#0:bundler|} && gem install rails -v 7.2.1\n", TestName = "gem")]
    [TestCase("FROM golang:1.23\nRUN go install {|#0:golang.org/x/tools/gopls@latest|}\n", TestName = "go install at latest")]
    [TestCase("FROM golang:1.23\nRUN go get {|#0:github.com/pkg/errors|}\n", TestName = "go get without a version")]
    [TestCase("FROM python:3.12\nONBUILD RUN pip install {|#0:flask|}\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM python:3.12\nRUN bash -c \"pip install {|#0:flask|}\"\n", TestName = "nested bash -c")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM python:3.12\nRUN pip install flask==3.0.3 'django>=5,<6' -r requirements.txt .\n", TestName = "pinned, requirements, project")]
    [TestCase("FROM python:3.12\nRUN pip install -c constraints.txt flask\n", TestName = "constraints file")]
    [TestCase("FROM python:3.12\nENV PIP_CONSTRAINT=/c.txt\nRUN pip install flask\n", TestName = "constraints variable")]
    [TestCase("FROM python:3.12\nRUN pip install --upgrade pip && pip install -e ./src\n", TestName = "upgrading pip itself, editable path")]
    [TestCase("FROM python:3.12\nRUN pip install git+https://github.com/x/y.git dist/app-1.0-py3-none-any.whl\n", TestName = "URL and wheel")]
    [TestCase("FROM python:3.12\nARG PACKAGES\nRUN pip install $PACKAGES\n", TestName = "unknown")]
    [TestCase("FROM node:22\nRUN npm ci && npm install && yarn install --frozen-lockfile\n", TestName = "lock files")]
    [TestCase("FROM node:22\nRUN npm install -g npm@10.9.0 && npm install -g npm\n", TestName = "npm itself")]
    [TestCase("FROM golang:1.23\nRUN go install ./cmd/... && go install golang.org/x/tools/gopls && go install honnef.co/go/tools/cmd/staticcheck@v0.5.1\n", TestName = "go: paths, go.mod, versions")]
    [TestCase("FROM ruby:3.3\nRUN gem install bundler:2.5.22 && gem install rake --version 13.2.1\n", TestName = "gem versions")]
    [TestCase("FROM python:3.12\nRUN pip uninstall -y flask && pip download flask\n", TestName = "not installs")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
