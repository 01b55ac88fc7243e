namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1041TlsVerificationDisabledTests
{
    private const string Id = "DF1041";

    [TestCase("FROM debian:12\nRUN curl {|#0:-k|} -o /tmp/x https://x.io/x\n", TestName = "curl -k")]
    [TestCase("FROM debian:12\nRUN curl {|#0:-fsSLk|} https://x.io/x -o x\n", TestName = "curl -k among combined flags")]
    [TestCase("FROM debian:12\nRUN curl {|#0:--insecure|} https://x.io/x -o x\n", TestName = "curl --insecure")]
    [TestCase("FROM debian:12\nRUN wget {|#0:--no-check-certificate|} https://x.io/x\n", TestName = "wget")]
    [TestCase("FROM python:3.13\nRUN pip install {|#0:--trusted-host|} pypi.corp requests==2.32.3\n", TestName = "pip trusted host")]
    [TestCase("FROM python:3.13\nRUN python3 -m pip install {|#0:--trusted-host=pypi.corp|} x==1\n", TestName = "python -m pip")]
    [TestCase("FROM debian:12\nRUN git -c {|#0:http.sslVerify=false|} clone https://x.io/r.git\n", TestName = "git -c")]
    [TestCase("FROM debian:12\nRUN git config --global {|#0:http.sslverify|} false\n", TestName = "git config")]
    [TestCase("FROM node:22\nRUN npm config set {|#0:strict-ssl|} false && npm ci\n", TestName = "npm config")]
    [TestCase("FROM node:22\nRUN yarn install {|#0:--strict-ssl=false|}\n", TestName = "yarn flag")]
    [TestCase("FROM fedora:41\nRUN dnf install -y {|#0:--setopt=sslverify=0|} httpd\n", TestName = "dnf setopt")]
    [TestCase("FROM centos:7\nRUN echo {|#0:'sslverify=0'|} >> /etc/yum.conf\n", TestName = "written into yum.conf")]
    [TestCase("FROM debian:12\nRUN {|#0:GIT_SSL_NO_VERIFY=1|} git clone https://x.io/r.git\n", TestName = "assignment before a command")]
    [TestCase("FROM node:22\nRUN export {|#0:NODE_TLS_REJECT_UNAUTHORIZED=0|} && npm ci\n", TestName = "export")]
    [TestCase("FROM python:3.13\nENV {|#0:PYTHONHTTPSVERIFY=0|}\n", TestName = "ENV PYTHONHTTPSVERIFY")]
    [TestCase("FROM node:22\nENV PORT=8080 {|#0:NODE_TLS_REJECT_UNAUTHORIZED=0|}\n", TestName = "ENV among others")]
    [TestCase("FROM node:22\nARG {|#0:NPM_CONFIG_STRICT_SSL=false|}\n", TestName = "ARG default")]
    [TestCase("FROM debian:12\nARG OFF=0\nENV {|#0:PYTHONHTTPSVERIFY=$OFF|}\n", TestName = "ENV through an ARG")]
    [TestCase("FROM debian:12\nONBUILD RUN curl {|#0:-k|} https://x.io -o x\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM debian:12\nRUN <<EOF\ncurl {|#0:--insecure|} https://x.io -o x\nEOF\n", TestName = "heredoc script")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN curl -fsSL https://x.io/x -o x\n", TestName = "curl with verification")]
    [TestCase("FROM debian:12\nRUN curl -fsSL -o /tmp/k https://x.io/k\n", TestName = "an -o value is no flag")]
    [TestCase("FROM debian:12\nRUN wget --progress=dot:giga https://x.io/x\n", TestName = "wget")]
    [TestCase("FROM debian:12\nRUN git -c http.sslVerify=true clone https://x.io/r.git\n", TestName = "verification on")]
    [TestCase("FROM node:22\nRUN npm config set strict-ssl true\n", TestName = "strict-ssl true")]
    [TestCase("FROM python:3.13\nENV PYTHONHTTPSVERIFY=1 NODE_TLS_REJECT_UNAUTHORIZED=1\n", TestName = "variables that keep verification")]
    [TestCase("FROM python:3.13\nARG PIP_TRUSTED_HOST\n", TestName = "ARG without default")]
    [TestCase("FROM python:3.13\nENV PYTHONHTTPSVERIFY=$UNKNOWN\n", TestName = "unknown value")]
    [TestCase("FROM debian:12\nRUN echo 'sslverify=0' > /tmp/notes.txt\n", TestName = "written elsewhere")]
    [TestCase("FROM debian:12\nRUN echo 'curl -k https://x' > /usr/local/bin/helper\n", TestName = "text of an argument")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN curl -k https://x.io -o x\n", TestName = "PowerShell SHELL is not read")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
