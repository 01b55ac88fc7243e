using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Model;

/// <summary>The typed model: instructions, stages and variables, with exact spans.</summary>
public sealed class ModelTests
{
    private static (DockerfileModel Model, IReadOnlyDictionary<int, TextSpan> Spans) Build(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        return (DockerfileModel.Parse(text), spans);
    }

    private static DockerfileModel Model(string text) => DockerfileModel.Parse(text);

    private static IEnumerable<string> ErrorIds(DockerfileModel model)
        => model.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id);

    // ---- FROM and images ------------------------------------------------------------------

    [Test]
    public void From_splits_the_image_reference_with_spans()
    {
        var (model, spans) = Build("FROM --platform={|#4:linux/amd64|} {|#0:registry.example.com:5000|}/{|#1:team/app|}:{|#2:1.2|}@{|#3:sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|} AS {|#5:Build|}\n");
        var from = (FromInstruction)model.Instructions.Single();
        var image = from.Image!;
        Assert.That(from.SourceKind, Is.EqualTo(ImageSourceKind.Image));
        Assert.That(from.SpanOf(image.Registry!.Value), Is.EqualTo(spans[0]));
        Assert.That(from.SpanOf(image.Repository!.Value), Is.EqualTo(spans[1]));
        Assert.That(from.SpanOf(image.Tag!.Value), Is.EqualTo(spans[2]));
        Assert.That(from.SpanOf(image.Digest!.Value), Is.EqualTo(spans[3]));
        Assert.That(from.Platform!.Value!.Value, Is.EqualTo("linux/amd64"));
        Assert.That(from.Platform.Value.Span, Is.EqualTo(spans[4]));
        Assert.That(from.StageName!.Span, Is.EqualTo(spans[5]));
        Assert.That(model.Stages.Single().Name, Is.EqualTo("build"));
        Assert.That(model.Diagnostics, Is.Empty);
    }

    [Test]
    public void From_resolves_global_arg_defaults()
    {
        var (model, spans) = Build("ARG BASE=alpine\nARG TAG=3.20\nFROM {|#0:${BASE}:$TAG|}\n");
        var from = model.Stages.Single().From;
        Assert.That(from.ImageText!.Value, Is.EqualTo("alpine:3.20"));
        Assert.That(from.Image!.Tag!.Value.Text, Is.EqualTo("3.20"));
        Assert.That(from.SpanOf(from.Image.Tag.Value), Is.EqualTo(spans[0]), "through a variable the whole word is the span");
        Assert.That(model.GlobalArgs, Has.Length.EqualTo(2));
    }

    [Test]
    public void From_with_an_arg_without_default_is_unknown_not_untagged()
    {
        var model = Model("ARG BASE\nFROM ${BASE}\nFROM ubuntu:${TAG}\nFROM golang:1.22-$TARGETARCH\n");
        Assert.That(model.Stages[0].From.SourceKind, Is.EqualTo(ImageSourceKind.Unknown));
        Assert.That(model.Stages[0].From.Image, Is.Null);
        Assert.That(model.Stages[2].From.SourceKind, Is.EqualTo(ImageSourceKind.Unknown), "TARGETARCH is predefined");
        Assert.That(model.Stages[1].From.ImageText!.Value, Is.EqualTo("ubuntu:"), "an undeclared ARG in FROM expands to nothing, as in BuildKit");
        Assert.That(ErrorIds(model), Does.Contain("DF0010"));
    }

    [Test]
    public void Unknown_parts_of_an_image_are_reported_as_segments()
    {
        var model = Model("ARG TAG\nFROM ubuntu:$TAG\n");
        var image = model.Stages.Single().From.ImageText!;
        Assert.That(image.IsKnown, Is.False);
        Assert.That(image.Expansion.Segments.First().Text, Is.EqualTo("ubuntu:"));
        Assert.That(image.Expansion.Segments.First().IsUnknown, Is.False);
        Assert.That(image.Expansion.Segments.Last().IsUnknown, Is.True);
    }

    [Test]
    public void Stages_know_their_base_and_the_final_stage()
    {
        var model = Model("FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM scratch\nCOPY --from=build /out /\nCOPY --from=0 /x /\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n");
        Assert.That(model.Stages.Select(s => s.BaseKind), Is.EqualTo(new[] { ImageSourceKind.Image, ImageSourceKind.Stage, ImageSourceKind.Scratch }));
        Assert.That(model.Stages[1].BaseStage, Is.SameAs(model.Stages[0]));
        Assert.That(model.Stages[1].Ancestors(), Is.EqualTo(new[] { model.Stages[0] }));
        Assert.That(model.FinalStage, Is.SameAs(model.Stages[2]));
        Assert.That(model.Stages.Select(s => s.IsFinal), Is.EqualTo(new[] { false, false, true }));
        var copies = model.FinalStage!.OfType<CopyInstruction>().ToList();
        Assert.That(copies[0].FromKind, Is.EqualTo(ImageSourceKind.Stage));
        Assert.That(copies[0].FromStage, Is.SameAs(model.Stages[0]));
        Assert.That(copies[1].FromStage, Is.SameAs(model.Stages[0]), "stage index");
        Assert.That(copies[2].FromKind, Is.EqualTo(ImageSourceKind.Image));
        Assert.That(copies[2].FromImage!.Tag!.Value.Text, Is.EqualTo("1.27"));
    }

    [TestCase("FROM\n", "DF0002")]
    [TestCase("FROM a b\n", "DF0010")]
    [TestCase("FROM a AS 1stage\n", "DF0010")]
    [TestCase("FROM Ubuntu\n", "DF0010")]
    [TestCase("RUN x\nFROM a\n", "DF0011")]
    [TestCase("FROM a AS x\nFROM b AS X\n", "DF0010")]
    public void From_errors(string text, string id)
    {
        Assert.That(ErrorIds(Model(text)), Does.Contain(id));
    }

    // ---- Variables ------------------------------------------------------------------------

    [Test]
    public void Env_and_arg_scoping_per_stage()
    {
        var model = Model(
            "ARG VERSION=1.0\n" +
            "FROM scratch AS a\n" +
            "ARG VERSION\n" +
            "ENV APP_HOME=/opt/app\n" +
            "WORKDIR $APP_HOME/v$VERSION\n" +
            "FROM a AS b\n" +
            "WORKDIR ${APP_HOME}/$VERSION\n" +
            "FROM scratch\n" +
            "WORKDIR /x$UNDEFINED\n");
        var workdirs = model.AllInstructions().OfType<WorkdirInstruction>().ToList();
        Assert.That(workdirs[0].Path!.Value, Is.EqualTo("/opt/app/v1.0"), "ARG in a stage takes the global default");
        Assert.That(workdirs[1].Path!.Value, Is.EqualTo("/opt/app/1.0"), "ENV and the ARGs the parent stage declared are inherited (BuildKit)");
        Assert.That(workdirs[2].Path!.Value, Is.EqualTo("/x"), "scratch defines nothing");
        var image = Model("FROM alpine AS a\nENV A=1\nFROM a\nWORKDIR /$A/$B\n").AllInstructions().OfType<WorkdirInstruction>().Single();
        Assert.That(image.Path!.IsKnown, Is.False, "B may come from alpine's environment");
    }

    [Test]
    public void Undeclared_variables_in_an_image_stage_are_unknown()
    {
        var model = Model("FROM node:20\nWORKDIR $HOME/app\nUSER ${APP_USER:-node}\n");
        var workdir = model.AllInstructions().OfType<WorkdirInstruction>().Single();
        Assert.That(workdir.Path!.IsKnown, Is.False, "the base image may define HOME");
        var user = model.AllInstructions().OfType<UserInstruction>().Single();
        Assert.That(user.User, Is.Null);
    }

    [Test]
    public void Env_pairs_of_one_instruction_see_the_scope_before_it()
    {
        var model = Model("FROM scratch\nENV A=1\nENV A=2 B=$A\nENV C=$A$B\n");
        var envs = model.AllInstructions().OfType<EnvInstruction>().ToList();
        Assert.That(envs[1].Pairs[1].Value.Value, Is.EqualTo("1"));
        Assert.That(envs[2].Pairs[0].Value.Value, Is.EqualTo("21"));
    }

    [Test]
    public void Env_overrides_arg_and_quotes_are_removed()
    {
        var model = Model("FROM scratch\nENV X=env\nARG X=arg\nENV Y=\"a b\" Z='$X'\nLABEL v=$X\n");
        var pairs = model.AllInstructions().OfType<EnvInstruction>().Last().Pairs;
        Assert.That(pairs[0].Value.Value, Is.EqualTo("a b"));
        Assert.That(pairs[1].Value.Value, Is.EqualTo("$X"));
        Assert.That(model.AllInstructions().OfType<LabelInstruction>().Single().Pairs[0].Value.Value, Is.EqualTo("env"));
    }

    [Test]
    public void Arg_declarations_with_spans_and_defaults()
    {
        var (model, spans) = Build("FROM scratch\nARG {|#0:A|}={|#1:x|} {|#2:B|}\n");
        var arg = model.AllInstructions().OfType<ArgInstruction>().Single();
        Assert.That(arg.Declarations.Select(d => d.Name), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(arg.Declarations[0].NameSpan, Is.EqualTo(spans[0]));
        Assert.That(arg.Declarations[0].Default!.Value, Is.EqualTo("x"));
        Assert.That(arg.Declarations[0].Default!.Span, Is.EqualTo(spans[1]));
        Assert.That(arg.Declarations[1].NameSpan, Is.EqualTo(spans[2]));
        Assert.That(arg.Declarations[1].Default, Is.Null);
        Assert.That(arg.IsGlobal, Is.False);
        Assert.That(model.Stages[0].FinalScope.Find("B")!.Value.State, Is.EqualTo(DockerLint.Parser.Shell.ShellVariableState.Unknown));
    }

    [Test]
    public void Malformed_expansion_is_reported()
    {
        var (model, spans) = Build("FROM scratch\nWORKDIR {|#0:/a/${X|}\n");
        var error = model.Diagnostics.Single(d => d.Id == "DF0012");
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
    }

    // ---- RUN ------------------------------------------------------------------------------

    [Test]
    public void Run_mounts_in_any_order_with_option_spans()
    {
        var (model, spans) = Build("FROM scratch\nRUN --mount={|#0:target=/root/.cache|},{|#1:type=cache|},sharing=locked --mount=type=secret,id=npm,required --network=none make\n");
        var run = model.AllInstructions().OfType<RunInstruction>().Single();
        Assert.That(run.Mounts, Has.Length.EqualTo(2));
        var cache = run.Mounts[0];
        Assert.That(cache.Type, Is.EqualTo("cache"));
        Assert.That(cache.Target, Is.EqualTo("/root/.cache"));
        Assert.That(cache.Sharing, Is.EqualTo("locked"));
        Assert.That(cache.Get("target")!.Span, Is.EqualTo(spans[0]));
        Assert.That(cache.Get("type")!.Span, Is.EqualTo(spans[1]));
        Assert.That(run.Mounts[1].Type, Is.EqualTo("secret"));
        Assert.That(run.Mounts[1].Id, Is.EqualTo("npm"));
        Assert.That(run.Mounts[1].IsRequired, Is.True);
        Assert.That(run.Network!.Value!.Value, Is.EqualTo("none"));
        Assert.That(run.ShellCommand!.Text, Is.EqualTo("make"));
        Assert.That(model.Diagnostics, Is.Empty);
    }

    [Test]
    public void Bind_mount_defaults_to_read_only()
    {
        var model = Model("FROM scratch\nRUN --mount=target=/src cat /src/x\nRUN --mount=type=bind,target=/src,rw make\n");
        var runs = model.AllInstructions().OfType<RunInstruction>().ToList();
        Assert.That(runs[0].Mounts.Single().Type, Is.EqualTo("bind"));
        Assert.That(runs[0].Mounts.Single().IsReadOnly, Is.True);
        Assert.That(runs[1].Mounts.Single().IsReadOnly, Is.False);
    }

    [TestCase("RUN --mount=type=volume,target=/x a\n", TestName = "unknown mount type")]
    [TestCase("RUN --mount=type=cache,destiny=/x a\n", TestName = "unknown mount option")]
    [TestCase("RUN --network=bridge a\n", TestName = "unknown network")]
    [TestCase("RUN --foo a\n", TestName = "unknown RUN flag")]
    [TestCase("COPY --link=maybe a b\n", TestName = "bad boolean")]
    [TestCase("COPY --from a b\n", TestName = "string flag without value")]
    [TestCase("COPY --chown=a --chown=b a b\n", TestName = "duplicate flag")]
    [TestCase("WORKDIR --x /a\n", TestName = "flag on an instruction without flags")]
    public void Flag_errors(string line)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain("DF0006"));
    }

    [Test]
    public void Exec_and_shell_forms()
    {
        var model = Model("FROM scratch\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT /docker-entrypoint.sh\n");
        var cmd = model.AllInstructions().OfType<CmdInstruction>().Single();
        Assert.That(cmd.IsExecForm, Is.True);
        Assert.That(cmd.ExecArguments.Select(a => a.Text), Is.EqualTo(new[] { "nginx", "-g", "daemon off;" }));
        Assert.That(cmd.ShellCommand, Is.Null);
        var entrypoint = model.AllInstructions().OfType<EntrypointInstruction>().Single();
        Assert.That(entrypoint.ShellCommand!.Text, Is.EqualTo("/docker-entrypoint.sh"));
    }

    [Test]
    public void Shell_must_be_json()
    {
        Assert.That(ErrorIds(Model("FROM scratch\nSHELL powershell -Command\n")), Does.Contain("DF0010"));
        Assert.That(ErrorIds(Model("FROM scratch\nSHELL [\"powershell\", \"-Command\"]\n")), Is.Empty);
    }

    // ---- COPY / ADD -----------------------------------------------------------------------

    [Test]
    public void Copy_sources_destination_and_flags()
    {
        var (model, spans) = Build("FROM scratch\nARG APP=/app\nCOPY --chown={|#0:app:app|} --chmod=0644 --link --parents --exclude=*.md {|#1:a|} b {|#2:$APP/|}\n");
        var copy = model.AllInstructions().OfType<CopyInstruction>().Single();
        Assert.That(copy.Sources.Select(s => s.Value), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(copy.Sources[0].Span, Is.EqualTo(spans[1]));
        Assert.That(copy.Destination!.Value, Is.EqualTo("/app/"));
        Assert.That(copy.Destination.Span, Is.EqualTo(spans[2]));
        Assert.That(copy.Chown!.Value!.Value, Is.EqualTo("app:app"));
        Assert.That(copy.Chown.Value.Span, Is.EqualTo(spans[0]));
        Assert.That(copy.Chmod!.Value!.Value, Is.EqualTo("0644"));
        Assert.That(copy.Link, Is.True);
        Assert.That(copy.Parents, Is.True);
        Assert.That(copy.Excludes.Single().Value!.Value, Is.EqualTo("*.md"));
        Assert.That(copy.FromKind, Is.Null);
    }

    [Test]
    public void Copy_with_a_heredoc_source()
    {
        var model = Model("FROM scratch\nCOPY <<EOF /etc/motd\nhello\nEOF\n");
        var copy = model.AllInstructions().OfType<CopyInstruction>().Single();
        Assert.That(copy.Heredocs.Single().Content, Is.EqualTo("hello\n"));
        Assert.That(copy.Destination!.Value, Is.EqualTo("/etc/motd"));
        Assert.That(model.Diagnostics, Is.Empty);
    }

    [Test]
    public void Add_flags()
    {
        var model = Model("FROM scratch\nADD --checksum=sha256:abc --keep-git-dir=true --unpack=false https://x/y.tar.gz /z\n");
        var add = model.AllInstructions().OfType<AddInstruction>().Single();
        Assert.That(add.Checksum!.Value!.Value, Is.EqualTo("sha256:abc"));
        Assert.That(add.KeepGitDir, Is.True);
        Assert.That(add.Unpack, Is.False);
    }

    [TestCase("COPY onlyone\n")]
    [TestCase("ADD\n")]
    public void Copy_without_destination(string line)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain("DF0002"));
    }

    // ---- Other instructions ---------------------------------------------------------------

    [Test]
    public void Expose_ports_with_protocols_and_ranges()
    {
        var model = Model("FROM scratch\nARG PORTS=\"9000 9001\"\nEXPOSE 80 53/UDP 8000-8010/tcp $PORTS\n");
        var ports = model.AllInstructions().OfType<ExposeInstruction>().Single().Ports;
        Assert.That(ports.Select(p => (p.Start, p.End, p.Protocol)), Is.EqualTo(new (int?, int?, string?)[]
        {
            (80, 80, "tcp"), (53, 53, "udp"), (8000, 8010, "tcp"), (9000, 9000, "tcp"), (9001, 9001, "tcp"),
        }));
    }

    [TestCase("EXPOSE 99999\n")]
    [TestCase("EXPOSE 80/http\n")]
    [TestCase("EXPOSE 90-80\n")]
    public void Invalid_ports(string line)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain("DF0010"));
    }

    [Test]
    public void Expose_with_unknown_variable()
    {
        var model = Model("FROM alpine\nEXPOSE $PORT\n");
        var port = model.AllInstructions().OfType<ExposeInstruction>().Single().Ports.Single();
        Assert.That(port.IsKnown, Is.False);
        Assert.That(ErrorIds(model), Is.Empty);
    }

    [Test]
    public void Healthcheck_options()
    {
        var model = Model("FROM scratch\nHEALTHCHECK --interval=1m30s --timeout=3s --start-period=500ms --retries=5 CMD [\"/check\"]\n");
        var hc = model.AllInstructions().OfType<HealthcheckInstruction>().Single();
        Assert.That(hc.IsNone, Is.False);
        Assert.That(hc.Interval, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(hc.Timeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(hc.StartPeriod, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(hc.Retries, Is.EqualTo(5));
        Assert.That(hc.ExecArguments.Single().Text, Is.EqualTo("/check"));
        Assert.That(model.Diagnostics, Is.Empty);
    }

    [TestCase("HEALTHCHECK NONE\n", true)]
    [TestCase("healthcheck none\n", true)]
    [TestCase("HEALTHCHECK CMD curl -f http://localhost/\n", false)]
    public void Healthcheck_none(string line, bool none)
    {
        var model = Model("FROM scratch\n" + line);
        Assert.That(model.AllInstructions().OfType<HealthcheckInstruction>().Single().IsNone, Is.EqualTo(none));
        Assert.That(ErrorIds(model), Is.Empty);
    }

    [TestCase("HEALTHCHECK NONE CMD x\n", "DF0010")]
    [TestCase("HEALTHCHECK CONNECT TCP 7000\n", "DF0010")]
    [TestCase("HEALTHCHECK CMD\n", "DF0002")]
    [TestCase("HEALTHCHECK --interval=soon CMD x\n", "DF0006")]
    [TestCase("HEALTHCHECK --retries=-1 CMD x\n", "DF0006")]
    public void Healthcheck_errors(string line, string id)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain(id));
    }

    [Test]
    public void User_and_group_with_spans()
    {
        var (model, spans) = Build("FROM scratch\nUSER {|#0:app|}:{|#1:staff|}\nUSER 1000\n");
        var users = model.AllInstructions().OfType<UserInstruction>().ToList();
        Assert.That((users[0].User, users[0].Group), Is.EqualTo(("app", "staff")));
        Assert.That(users[0].UserSpan, Is.EqualTo(spans[0]));
        Assert.That(users[0].GroupSpan, Is.EqualTo(spans[1]));
        Assert.That((users[1].User, users[1].Group), Is.EqualTo(("1000", (string?)null)));
    }

    [Test]
    public void Onbuild_trigger_is_typed_and_belongs_to_the_stage()
    {
        var model = Model("FROM node:20\nONBUILD COPY package.json /app/\nONBUILD RUN npm install\n");
        var onbuilds = model.Instructions.OfType<OnbuildInstruction>().ToList();
        Assert.That(onbuilds.Select(o => o.Trigger!.GetType()), Is.EqualTo(new[] { typeof(CopyInstruction), typeof(RunInstruction) }));
        Assert.That(onbuilds[0].Trigger!.IsTrigger, Is.True);
        Assert.That(onbuilds[0].Trigger!.Onbuild, Is.SameAs(onbuilds[0]));
        Assert.That(onbuilds[0].Trigger!.Stage, Is.SameAs(model.Stages[0]));
        Assert.That(model.AllInstructions().OfType<RunInstruction>().Single().ShellCommand!.Text, Is.EqualTo("npm install"));
    }

    [TestCase("ONBUILD ONBUILD RUN x\n")]
    [TestCase("ONBUILD FROM alpine\n")]
    [TestCase("ONBUILD MAINTAINER me\n")]
    public void Forbidden_onbuild_triggers(string line)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain("DF0010"));
    }

    [TestCase("USER\n", "DF0002")]
    [TestCase("WORKDIR\n", "DF0002")]
    [TestCase("EXPOSE\n", "DF0002")]
    [TestCase("VOLUME\n", "DF0002")]
    [TestCase("VOLUME [\"\"]\n", "DF0010")]
    [TestCase("ARG\n", "DF0002")]
    [TestCase("LABEL\n", "DF0002")]
    [TestCase("ONBUILD\n", "DF0002")]
    [TestCase("STOPSIGNAL\n", "DF0002")]
    public void Missing_or_invalid_arguments(string line, string id)
    {
        Assert.That(ErrorIds(Model("FROM scratch\n" + line)), Does.Contain(id));
    }

    [Test]
    public void Volume_paths_in_both_forms()
    {
        var model = Model("FROM scratch\nVOLUME /data /logs\nVOLUME [\"/cache\"]\n");
        Assert.That(model.AllInstructions().OfType<VolumeInstruction>().SelectMany(v => v.Paths).Select(p => p.Value), Is.EqualTo(new[] { "/data", "/logs", "/cache" }));
    }

    [Test]
    public void Windows_dockerfile_with_backtick_escape()
    {
        var model = Model("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nCOPY . C:\\app\\\nRUN powershell -Command `\n    Write-Host hi\n");
        Assert.That(model.AllInstructions().OfType<WorkdirInstruction>().Single().Path!.Value, Is.EqualTo("C:\\app"));
        Assert.That(model.AllInstructions().OfType<CopyInstruction>().Single().Destination!.Value, Is.EqualTo("C:\\app\\"));
        Assert.That(ErrorIds(model), Is.Empty);
    }

    [Test]
    public void Model_diagnostics_include_the_parsers()
    {
        var model = Model("FROM scratch\nBOGUS x\n");
        Assert.That(ErrorIds(model), Is.EqualTo(new[] { "DF0001" }));
    }
}
