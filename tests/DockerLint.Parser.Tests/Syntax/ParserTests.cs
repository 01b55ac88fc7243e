using System.Text;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Syntax;

/// <summary>Each construct of the grammar, with exact spans.</summary>
public sealed class ParserTests
{
    private static (DockerfileSyntaxTree Tree, IReadOnlyDictionary<int, TextSpan> Spans) ParseMarkup(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var tree = DockerfileSyntaxTree.Parse(text);
        Assert.That(tree.ToFullString(), Is.EqualTo(text), "round trip");
        Assert.That(TreeInvariants.Check(tree), Is.Null);
        return (tree, spans);
    }

    private static DockerfileSyntaxTree Parse(string text)
    {
        var tree = DockerfileSyntaxTree.Parse(text);
        Assert.That(tree.ToFullString(), Is.EqualTo(text), "round trip");
        Assert.That(TreeInvariants.Check(tree), Is.Null);
        return tree;
    }

    private static string Span(DockerfileSyntaxTree tree, TextSpan span) => tree.Text.ToString(span);

    private static IEnumerable<Diagnostic> Errors(DockerfileSyntaxTree tree)
        => tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    // ---- Lossless round trip -------------------------------------------------------------

    [TestCase("FROM alpine\r\nRUN echo hi\r\n", TestName = "CRLF line ends")]
    [TestCase("\uFEFFFROM alpine\n", TestName = "UTF-8 BOM")]
    [TestCase("FROM\talpine  \t\n\tRUN\techo\t \n", TestName = "tabs and trailing blanks")]
    [TestCase("FROM alpine\nRUN echo hi", TestName = "no final newline")]
    [TestCase("FROM alpine\rRUN x\r\r\n", TestName = "lone CR")]
    [TestCase("", TestName = "empty file")]
    [TestCase("\n\n   \n", TestName = "only blank lines")]
    [TestCase("# c1\n  # c2\n", TestName = "only comments")]
    [TestCase("FROM a \\\n", TestName = "continuation at end of file")]
    [TestCase("\\", TestName = "lone escape")]
    [TestCase("RUN <<EOF", TestName = "heredoc at end of file")]
    public void Round_trips_exactly(string text)
    {
        var tree = Parse(text);
        Assert.That(tree.Root.AllTokens[^1].Kind, Is.EqualTo(SyntaxKind.EndOfFileToken));
    }

    [Test]
    public void Round_trips_utf8_bytes_with_bom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("FROM alpine\r\nLABEL x=\"é\"")).ToArray();
        var tree = DockerfileSyntaxTree.Parse(bytes);
        Assert.That(new UTF8Encoding(false).GetBytes(tree.ToFullString()), Is.EqualTo(bytes));
        Assert.That(tree.Root.Instructions[0].Keyword.LeadingTrivia.Single().Kind, Is.EqualTo(SyntaxKind.ByteOrderMarkTrivia));
    }

    // ---- Keywords and instructions -------------------------------------------------------

    [TestCase("FROM", InstructionKind.From)]
    [TestCase("from", InstructionKind.From)]
    [TestCase("RuN", InstructionKind.Run)]
    [TestCase("CMD", InstructionKind.Cmd)]
    [TestCase("LABEL", InstructionKind.Label)]
    [TestCase("MAINTAINER", InstructionKind.Maintainer)]
    [TestCase("EXPOSE", InstructionKind.Expose)]
    [TestCase("ENV", InstructionKind.Env)]
    [TestCase("ADD", InstructionKind.Add)]
    [TestCase("COPY", InstructionKind.Copy)]
    [TestCase("ENTRYPOINT", InstructionKind.Entrypoint)]
    [TestCase("VOLUME", InstructionKind.Volume)]
    [TestCase("USER", InstructionKind.User)]
    [TestCase("WORKDIR", InstructionKind.Workdir)]
    [TestCase("ARG", InstructionKind.Arg)]
    [TestCase("ONBUILD", InstructionKind.Onbuild)]
    [TestCase("StopSignal", InstructionKind.StopSignal)]
    [TestCase("HEALTHCHECK", InstructionKind.Healthcheck)]
    [TestCase("SHELL", InstructionKind.Shell)]
    public void Keywords_are_case_insensitive(string keyword, InstructionKind kind)
    {
        var tree = Parse($"{keyword} x y\n");
        var instruction = tree.Root.Instructions.Single();
        Assert.That(instruction.Kind, Is.EqualTo(kind));
        Assert.That(instruction.Keyword.Text, Is.EqualTo(keyword));
        Assert.That(instruction.Keyword.Span, Is.EqualTo(new TextSpan(0, keyword.Length)));
    }

    [Test]
    public void Unknown_instruction_is_kept_and_reported_on_its_keyword()
    {
        var (tree, spans) = ParseMarkup("FROM a\n{|#0:FETCH|} http://x /y\nRUN b\n");
        Assert.That(tree.Root.Instructions.Select(i => i.Kind), Is.EqualTo(new[] { InstructionKind.From, InstructionKind.Unknown, InstructionKind.Run }));
        var diagnostic = tree.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DF0001"));
        Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(diagnostic.GetMessage(), Does.Contain("FETCH"));
    }

    [Test]
    public void Indented_instruction_keeps_indentation_as_leading_trivia()
    {
        var (tree, spans) = ParseMarkup("FROM a\n  \t{|#0:RUN|} {|#1:echo|} hi\n");
        var run = tree.Root.Instructions[1];
        Assert.That(run.Keyword.Span, Is.EqualTo(spans[0]));
        Assert.That(run.ArgumentTokens[0].Span, Is.EqualTo(spans[1]));
        Assert.That(run.Keyword.LeadingTrivia.Single().Kind, Is.EqualTo(SyntaxKind.WhitespaceTrivia));
    }

    // ---- Parser directives ---------------------------------------------------------------

    [Test]
    public void Directives_are_read_before_the_first_instruction()
    {
        var (tree, spans) = ParseMarkup("{|#0:# {|#1:syntax|}={|#2:docker/dockerfile:1|}|}\n#ESCAPE = `\n# check=skip=all\nFROM a\n");
        Assert.That(tree.Root.Directives.Select(d => d.Name), Is.EqualTo(new[] { "syntax", "escape", "check" }));
        var syntax = tree.Root.Directives[0];
        Assert.That(syntax.Span, Is.EqualTo(spans[0]));
        Assert.That(syntax.NameSpan, Is.EqualTo(spans[1]));
        Assert.That(syntax.ValueSpan, Is.EqualTo(spans[2]));
        Assert.That(syntax.Value, Is.EqualTo("docker/dockerfile:1"));
        Assert.That(tree.Root.Directives[2].Value, Is.EqualTo("skip=all"));
        Assert.That(tree.EscapeToken, Is.EqualTo('`'));
        Assert.That(tree.Root.Instructions[0].Keyword.LeadingTrivia.Count(t => t.Kind == SyntaxKind.ParserDirectiveTrivia), Is.EqualTo(3));
    }

    [TestCase("# comment\n# escape=`\nFROM a\n", TestName = "after a comment")]
    [TestCase("\n# escape=`\nFROM a\n", TestName = "after a blank line")]
    [TestCase("FROM a\n# escape=`\n", TestName = "after an instruction")]
    [TestCase("# unknown=1\n# escape=`\nFROM a\n", TestName = "after an unknown directive")]
    public void Directive_after_other_content_is_a_comment(string text)
    {
        var tree = Parse(text);
        Assert.That(tree.Root.Directives, Is.Empty);
        Assert.That(tree.EscapeToken, Is.EqualTo('\\'));
        Assert.That(tree.Root.DescendantTrivia().Any(t => t.Kind == SyntaxKind.CommentTrivia && tree.Text.ToString(t.Span).Contains("escape")), Is.True);
    }

    [Test]
    public void Repeated_directive_is_an_error()
    {
        var (tree, spans) = ParseMarkup("# syntax=a\n{|#0:# syntax=b|}\nFROM a\n");
        var error = Errors(tree).Single();
        Assert.That(error.Id, Is.EqualTo("DF0004"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(tree.Root.Directives.Single().Value, Is.EqualTo("a"));
    }

    [Test]
    public void Invalid_escape_character_is_an_error_and_keeps_backslash()
    {
        var (tree, spans) = ParseMarkup("# escape={|#0:x|}\nFROM a\nRUN b \\\n c\n");
        var error = Errors(tree).Single();
        Assert.That(error.Id, Is.EqualTo("DF0004"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(tree.EscapeToken, Is.EqualTo('\\'));
        Assert.That(tree.Root.Instructions[1].ArgumentsText!.Text, Is.EqualTo("b  c"));
    }

    // ---- Line continuations --------------------------------------------------------------

    [Test]
    public void Continuation_joins_lines_and_keeps_indentation_of_the_next_line()
    {
        var (tree, spans) = ParseMarkup("RUN {|#0:apt-get update && \\\n    apt-get install -y curl|}\n");
        var run = tree.Root.Instructions.Single();
        Assert.That(run.ArgumentsText!.Text, Is.EqualTo("apt-get update &&     apt-get install -y curl"));
        Assert.That(run.ArgumentsText.Span, Is.EqualTo(spans[0]));
        var continuation = tree.Root.DescendantTrivia().Single(t => t.Kind == SyntaxKind.LineContinuationTrivia);
        Assert.That(Span(tree, continuation.Span), Is.EqualTo("\\\n"));
    }

    [Test]
    public void Blanks_after_the_escape_still_continue()
    {
        var tree = Parse("RUN a \\  \t\n b\n");
        Assert.That(tree.Root.Instructions.Single().ArgumentsText!.Text, Is.EqualTo("a  b"));
        Assert.That(Span(tree, tree.Root.DescendantTrivia().Single(t => t.Kind == SyntaxKind.LineContinuationTrivia).Span), Is.EqualTo("\\  \t\n"));
    }

    [Test]
    public void Comment_lines_inside_a_continuation_are_trivia()
    {
        var (tree, spans) = ParseMarkup("RUN a \\\n  {|#0:# explain b|}\n  b \\\n{|#1:# last|}\n  c\n");
        var run = tree.Root.Instructions.Single();
        Assert.That(run.ArgumentsText!.Text, Is.EqualTo("a   b   c"));
        var comments = tree.Root.DescendantTrivia().Where(t => t.Kind == SyntaxKind.CommentTrivia).Select(t => t.Span);
        Assert.That(comments, Is.EqualTo(new[] { spans[0], spans[1] }));
        Assert.That(tree.Diagnostics, Is.Empty);
    }

    [Test]
    public void Empty_continuation_line_is_a_warning_at_that_line()
    {
        var (tree, spans) = ParseMarkup("FROM a\nRUN a \\\n{|#0:   |}\n  b\n");
        var warning = tree.Diagnostics.Single();
        Assert.That(warning.Id, Is.EqualTo("DF0005"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(tree.Root.Instructions[1].ArgumentsText!.Text, Is.EqualTo("a   b"));
    }

    [Test]
    public void Escaped_escape_at_end_of_line_does_not_continue()
    {
        var tree = Parse("ENV C trailing\\\\\nENV D next\n");
        Assert.That(tree.Root.Instructions, Has.Length.EqualTo(2));
        Assert.That(tree.Root.Instructions[0].KeyValues.Single().Value.Text, Is.EqualTo("trailing\\\\"));
    }

    [Test]
    public void Word_broken_by_a_continuation_owns_it_as_inner_trivia()
    {
        var (tree, spans) = ParseMarkup("ENV E {|#0:hello\\\n\\\nworld|}\n");
        var env = tree.Root.Instructions.Single();
        var pair = env.KeyValues.Single();
        Assert.That(pair.Value.Text, Is.EqualTo("helloworld"));
        Assert.That(pair.Value.Span, Is.EqualTo(spans[0]));
        var word = env.ArgumentTokens[1];
        Assert.That(word.Span, Is.EqualTo(spans[0]));
        Assert.That(word.Value, Is.EqualTo("helloworld"));
        Assert.That(word.InnerTrivia.Select(t => t.Kind), Is.EqualTo(new[] { SyntaxKind.LineContinuationTrivia, SyntaxKind.LineContinuationTrivia }));
    }

    [Test]
    public void Backtick_escape_continues_and_leaves_backslash_literal()
    {
        var tree = Parse("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n    && echo done\nWORKDIR C:\\app\n");
        Assert.That(tree.Root.Instructions[1].ArgumentsText!.Text, Is.EqualTo("dir C:\\     && echo done"));
        Assert.That(tree.Root.Instructions[2].Arguments.Single().Text, Is.EqualTo("C:\\app"));
    }

    // ---- Heredocs ------------------------------------------------------------------------

    [Test]
    public void Heredoc_body_and_terminator_are_tokens()
    {
        var (tree, spans) = ParseMarkup("FROM a\nRUN {|#0:<<EOF|}\n{|#1:echo one\necho two\n|}{|#2:EOF|}\nUSER x\n");
        var run = tree.Root.Instructions[1];
        var heredoc = run.Heredocs.Single();
        Assert.That(heredoc.Name, Is.EqualTo("EOF"));
        Assert.That(heredoc.Expand, Is.True);
        Assert.That(heredoc.Chomp, Is.False);
        Assert.That(heredoc.Marker.Span, Is.EqualTo(spans[0]));
        Assert.That(heredoc.Body.Span, Is.EqualTo(spans[1]));
        Assert.That(heredoc.Terminator!.Span, Is.EqualTo(spans[2]));
        Assert.That(heredoc.Content, Is.EqualTo("echo one\necho two\n"));
        Assert.That(tree.Root.Instructions[2].Kind, Is.EqualTo(InstructionKind.User));
        Assert.That(tree.Diagnostics, Is.Empty);
    }

    [Test]
    public void Chomping_heredoc_strips_leading_tabs()
    {
        var (tree, spans) = ParseMarkup("RUN <<-EOF\n\techo a\n\t\techo b\n\t{|#0:EOF|}\n");
        var heredoc = tree.Root.Instructions.Single().Heredocs.Single();
        Assert.That(heredoc.Chomp, Is.True);
        Assert.That(heredoc.Content, Is.EqualTo("echo a\necho b\n"));
        Assert.That(heredoc.Terminator!.Span, Is.EqualTo(spans[0]));
    }

    [TestCase("<<\"EOF\"")]
    [TestCase("<<'EOF'")]
    [TestCase("<<E\"O\"F")]
    public void Quoted_delimiter_turns_expansion_off(string marker)
    {
        var tree = Parse($"RUN {marker}\necho $HOME\nEOF\n");
        var heredoc = tree.Root.Instructions.Single().Heredocs.Single();
        Assert.That(heredoc.Name, Is.EqualTo("EOF"));
        Assert.That(heredoc.Expand, Is.False);
        Assert.That(heredoc.IsTerminated, Is.True);
    }

    [Test]
    public void Several_heredocs_in_one_instruction_are_read_in_order()
    {
        var (tree, spans) = ParseMarkup("COPY <<FILE1 <<FILE2 /dest/\n{|#0:content 1\n|}FILE1\n{|#1:content 2\n|}FILE2\nRUN ls\n");
        var copy = tree.Root.Instructions[0];
        Assert.That(copy.Heredocs.Select(h => h.Name), Is.EqualTo(new[] { "FILE1", "FILE2" }));
        Assert.That(copy.Heredocs[0].Body.Span, Is.EqualTo(spans[0]));
        Assert.That(copy.Heredocs[1].Body.Span, Is.EqualTo(spans[1]));
        Assert.That(copy.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "<<FILE1", "<<FILE2", "/dest/" }));
        Assert.That(tree.Root.Instructions[1].Kind, Is.EqualTo(InstructionKind.Run));
    }

    [Test]
    public void Heredoc_after_a_continuation_and_with_flags()
    {
        var tree = Parse("RUN --mount=type=cache,target=/root/.cache \\\n    python3 <<EOF\nprint('hi')\nEOF\n");
        var run = tree.Root.Instructions.Single();
        Assert.That(run.Flags.Single().Name, Is.EqualTo("mount"));
        Assert.That(run.Heredocs.Single().Content, Is.EqualTo("print('hi')\n"));
    }

    [Test]
    public void Heredoc_body_without_final_newline()
    {
        var tree = Parse("RUN <<EOF\necho hi\nEOF");
        var heredoc = tree.Root.Instructions.Single().Heredocs.Single();
        Assert.That(heredoc.IsTerminated, Is.True);
        Assert.That(heredoc.Content, Is.EqualTo("echo hi\n"));
        Assert.That(tree.Diagnostics, Is.Empty);
    }

    [Test]
    public void Empty_heredoc_body_is_a_zero_width_token()
    {
        var tree = Parse("RUN <<EMPTY\nEMPTY\n");
        var heredoc = tree.Root.Instructions.Single().Heredocs.Single();
        Assert.That(heredoc.Body.Span.IsEmpty, Is.True);
        Assert.That(heredoc.Content, Is.Empty);
    }

    [Test]
    public void Unterminated_heredoc_is_reported_on_its_marker()
    {
        var (tree, spans) = ParseMarkup("FROM a\nRUN {|#0:<<EOF|}\necho hi\n");
        var error = Errors(tree).Single();
        Assert.That(error.Id, Is.EqualTo("DF0003"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(tree.Root.Instructions[1].Heredocs.Single().IsTerminated, Is.False);
    }

    [Test]
    public void File_descriptor_before_the_marker()
    {
        var tree = Parse("RUN 3<<EOF\nx\nEOF\n");
        Assert.That(tree.Root.Instructions.Single().Heredocs.Single().FileDescriptor, Is.EqualTo(3));
    }

    [TestCase("RUN [\"cat\", \"<<EOF\"]\nEOF\n", TestName = "exec form")]
    [TestCase("RUN \"<<NOHEREDOC\"\nNOHEREDOC\n", TestName = "quoted marker")]
    [TestCase("USER <<INVALID\nINVALID\n", TestName = "instruction without heredocs")]
    [TestCase("RUN cat<<EOF\nEOF\n", TestName = "marker glued to a word")]
    public void Not_a_heredoc(string text)
    {
        var tree = Parse(text);
        Assert.That(tree.Root.Instructions.SelectMany(i => i.Heredocs), Is.Empty);
        Assert.That(tree.Root.Instructions, Has.Length.EqualTo(2), "the would-be terminator is read as an instruction");
    }

    [Test]
    public void Onbuild_trigger_reads_its_heredoc()
    {
        var tree = Parse("ONBUILD RUN <<EOF\necho hi\nEOF\nFROM a\n");
        var onbuild = tree.Root.Instructions[0];
        Assert.That(onbuild.Trigger!.Kind, Is.EqualTo(InstructionKind.Run));
        Assert.That(onbuild.Trigger.Heredocs.Single().Content, Is.EqualTo("echo hi\n"));
        Assert.That(onbuild.Trigger.Parent, Is.SameAs(onbuild));
        Assert.That(tree.Root.Instructions[1].Kind, Is.EqualTo(InstructionKind.From));
    }

    // ---- Exec form and shell form --------------------------------------------------------

    [Test]
    public void Exec_form_has_json_tokens_and_decoded_values()
    {
        var (tree, spans) = ParseMarkup("CMD {|#0:[|}{|#1:\"echo\"|}{|#2:,|} {|#3:\"a\\tb\"|}{|#4:]|}\n");
        var cmd = tree.Root.Instructions.Single();
        Assert.That(cmd.IsExecForm, Is.True);
        Assert.That(cmd.ArgumentTokens.Select(t => t.Kind), Is.EqualTo(new[]
        {
            SyntaxKind.OpenBracketToken, SyntaxKind.JsonStringToken, SyntaxKind.CommaToken, SyntaxKind.JsonStringToken, SyntaxKind.CloseBracketToken,
        }));
        Assert.That(cmd.ArgumentTokens.Select(t => t.Span), Is.EqualTo(new[] { spans[0], spans[1], spans[2], spans[3], spans[4] }));
        Assert.That(cmd.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "echo", "a\tb" }));
        Assert.That(cmd.Arguments[1].Span, Is.EqualTo(spans[3]));
    }

    [TestCase("CMD ['echo', 'hi']", TestName = "single quotes")]
    [TestCase("CMD [\"echo\", \"hi\"", TestName = "unterminated bracket")]
    [TestCase("CMD [\"echo, \"hi\"]", TestName = "unterminated string")]
    [TestCase("CMD [\"echo\"] extra", TestName = "trailing text")]
    public void Invalid_json_falls_back_to_shell_form(string text)
    {
        var tree = Parse(text);
        var cmd = tree.Root.Instructions.Single();
        Assert.That(cmd.IsExecForm, Is.False);
        Assert.That(cmd.Arguments.Single().Text, Is.EqualTo(text[4..]));
        Assert.That(Errors(tree), Is.Empty);
    }

    [Test]
    public void Json_array_with_a_non_string_is_an_error()
    {
        var (tree, spans) = ParseMarkup("CMD {|#0:[\"echo\", [\"nested\"]]|}\n");
        var error = Errors(tree).Single();
        Assert.That(error.Id, Is.EqualTo("DF0007"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Exec_form_over_several_lines()
    {
        var tree = Parse("ENTRYPOINT [\"a\", \\\n  \"b\"]\n");
        var entrypoint = tree.Root.Instructions.Single();
        Assert.That(entrypoint.IsExecForm, Is.True);
        Assert.That(entrypoint.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "a", "b" }));
    }

    // ---- Flags ---------------------------------------------------------------------------

    [Test]
    public void Flags_in_any_order_with_name_and_value_spans()
    {
        var (tree, spans) = ParseMarkup("COPY --{|#0:chown|}={|#1:app:app|} --{|#2:link|} --from={|#3:\"build stage\"|} a /b\n");
        var copy = tree.Root.Instructions.Single();
        Assert.That(copy.Flags.Select(f => f.Name), Is.EqualTo(new[] { "chown", "link", "from" }));
        Assert.That(copy.Flags[0].NameSpan, Is.EqualTo(spans[0]));
        Assert.That(copy.Flags[0].ValueSpan, Is.EqualTo(spans[1]));
        Assert.That(copy.Flags[0].Value, Is.EqualTo("app:app"));
        Assert.That(copy.Flags[1].NameSpan, Is.EqualTo(spans[2]));
        Assert.That(copy.Flags[1].Value, Is.Null);
        Assert.That(copy.Flags[2].Value, Is.EqualTo("build stage"), "quotes are removed");
        Assert.That(copy.Flags[2].ValueSpan, Is.EqualTo(spans[3]));
        Assert.That(copy.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "a", "/b" }));
    }

    [Test]
    public void Repeated_flags_are_all_kept()
    {
        var tree = Parse("RUN --mount=type=secret,id=a --network=none --mount=target=/c,type=cache make\n");
        var run = tree.Root.Instructions.Single();
        Assert.That(run.Flags.Select(f => f.ProcessedText), Is.EqualTo(new[] { "--mount=type=secret,id=a", "--network=none", "--mount=target=/c,type=cache" }));
        Assert.That(run.GetFlag("mount")!.Value, Is.EqualTo("target=/c,type=cache"));
        Assert.That(run.ArgumentsText!.Text, Is.EqualTo("make"));
    }

    [Test]
    public void Double_dash_ends_the_flags()
    {
        var (tree, spans) = ParseMarkup("COPY --link {|#0:--|} --not-a-flag /b\n");
        var copy = tree.Root.Instructions.Single();
        Assert.That(copy.Flags.Single().Name, Is.EqualTo("link"));
        Assert.That(copy.FlagTerminator!.Span, Is.EqualTo(spans[0]));
        Assert.That(copy.Arguments.Select(a => a.Text), Is.EqualTo(new[] { "--not-a-flag", "/b" }));
    }

    [Test]
    public void Flag_without_a_name_is_an_error()
    {
        var (tree, spans) = ParseMarkup("COPY {|#0:--=x|} a b\n");
        var error = Errors(tree).Single();
        Assert.That(error.Id, Is.EqualTo("DF0006"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
    }

    // ---- ENV, LABEL, ARG -----------------------------------------------------------------

    [Test]
    public void Env_pairs_have_key_and_value_spans()
    {
        var (tree, spans) = ParseMarkup("ENV {|#0:A|}={|#1:1|} {|#2:B|}={|#3:\"two words\"|} {|#4:C|}=\n");
        var pairs = tree.Root.Instructions.Single().KeyValues;
        Assert.That(pairs.Select(p => (p.Key.Text, p.Value.Text)), Is.EqualTo(new[] { ("A", "1"), ("B", "\"two words\""), ("C", "") }));
        Assert.That(pairs[0].Key.Span, Is.EqualTo(spans[0]));
        Assert.That(pairs[0].Value.Span, Is.EqualTo(spans[1]));
        Assert.That(pairs[1].Key.Span, Is.EqualTo(spans[2]));
        Assert.That(pairs[1].Value.Span, Is.EqualTo(spans[3]));
        Assert.That(pairs[2].Key.Span, Is.EqualTo(spans[4]));
        Assert.That(pairs.All(p => p.HasEquals), Is.True);
    }

    [Test]
    public void Legacy_env_takes_the_rest_of_the_line_as_value()
    {
        var (tree, spans) = ParseMarkup("ENV {|#0:PATH|} {|#1:/usr/local/bin:$PATH and more|}\n");
        var pair = tree.Root.Instructions.Single().KeyValues.Single();
        Assert.That(pair.HasEquals, Is.False);
        Assert.That(pair.Key.Span, Is.EqualTo(spans[0]));
        Assert.That(pair.Value.Span, Is.EqualTo(spans[1]));
        Assert.That(pair.Value.Text, Is.EqualTo("/usr/local/bin:$PATH and more"));
    }

    [TestCase("ENV PATH\n", TestName = "legacy without value")]
    [TestCase("ENV A=1 B\n", TestName = "pair without =")]
    [TestCase("LABEL a=b c\n", TestName = "label without =")]
    public void Malformed_pairs_are_errors(string text)
    {
        var tree = Parse(text);
        Assert.That(Errors(tree).Select(e => e.Id), Is.EqualTo(new[] { "DF0009" }));
    }

    [Test]
    public void Arg_words_keep_quotes()
    {
        var tree = Parse("ARG abc=\"123 456\" def\n");
        Assert.That(tree.Root.Instructions.Single().Arguments.Select(a => a.Text), Is.EqualTo(new[] { "abc=\"123 456\"", "def" }));
    }

    // ---- Other instructions --------------------------------------------------------------

    [Test]
    public void Healthcheck_type_then_command()
    {
        var tree = Parse("HEALTHCHECK --interval=5s --retries=3 CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"/bin/check\"]\n");
        var hc = tree.Root.Instructions;
        Assert.That(hc[0].Flags.Select(f => f.Name), Is.EqualTo(new[] { "interval", "retries" }));
        Assert.That(hc[0].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "CMD", "curl -f http://localhost/ || exit 1" }));
        Assert.That(hc[1].Arguments.Single().Text, Is.EqualTo("NONE"));
        Assert.That(hc[2].IsExecForm, Is.True);
        Assert.That(hc[2].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "CMD", "/bin/check" }));
    }

    [Test]
    public void From_and_expose_split_on_blanks()
    {
        var tree = Parse("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nEXPOSE 80/tcp 443 8000-8010/udp\n");
        Assert.That(tree.Root.Instructions[0].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "golang:1.22", "AS", "build" }));
        Assert.That(tree.Root.Instructions[0].GetFlag("platform")!.Value, Is.EqualTo("$BUILDPLATFORM"));
        Assert.That(tree.Root.Instructions[1].Arguments.Select(a => a.Text), Is.EqualTo(new[] { "80/tcp", "443", "8000-8010/udp" }));
    }

    [Test]
    public void Onbuild_holds_its_trigger_instruction()
    {
        var (tree, spans) = ParseMarkup("ONBUILD {|#0:COPY|} --chown=a {|#1:.|} /app\n");
        var onbuild = tree.Root.Instructions.Single();
        Assert.That(onbuild.Kind, Is.EqualTo(InstructionKind.Onbuild));
        var trigger = onbuild.Trigger!;
        Assert.That(trigger.Kind, Is.EqualTo(InstructionKind.Copy));
        Assert.That(trigger.Keyword.Span, Is.EqualTo(spans[0]));
        Assert.That(trigger.Flags.Single().Name, Is.EqualTo("chown"));
        Assert.That(trigger.Arguments[0].Span, Is.EqualTo(spans[1]));
    }

    [Test]
    public void String_instructions_take_the_whole_rest()
    {
        var tree = Parse("USER app:app\nWORKDIR /my dir\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane Doe <jane@example.com>\n");
        Assert.That(tree.Root.Instructions.Select(i => i.Arguments.Single().Text), Is.EqualTo(new[] { "app:app", "/my dir", "SIGTERM", "Jane Doe <jane@example.com>" }));
    }

    [Test]
    public void File_with_no_instructions_is_an_error()
    {
        var tree = Parse("# only a comment\n");
        Assert.That(Errors(tree).Single().Id, Is.EqualTo("DF0008"));
    }

    [Test]
    public void Parsing_goes_on_after_errors()
    {
        var tree = Parse("FROM a\nBOGUS x\nENV NOVALUE\nCMD [\"a\", 1]\nRUN echo ok\n");
        Assert.That(tree.Root.Instructions.Select(i => i.KeywordText), Is.EqualTo(new[] { "FROM", "BOGUS", "ENV", "CMD", "RUN" }));
        Assert.That(Errors(tree).Select(e => e.Id), Is.EqualTo(new[] { "DF0001", "DF0009", "DF0007" }));
    }

    [Test]
    public void Never_throws_on_random_input()
    {
        var random = new Random(20261123);
        const string alphabet = "FROMRUNCOPYADD ENV=\"'\\`$#{}[],:-<>\n\r\t\u00a0é<<EOF\n--mount";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var tree = DockerfileSyntaxTree.Parse(text);
            Assert.That(tree.ToFullString(), Is.EqualTo(text));
            Assert.That(TreeInvariants.Check(tree), Is.Null, text);
        }
    }
}
