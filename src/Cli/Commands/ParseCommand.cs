using System.Text;
using DockerLint.Cli.Formats;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Commands;

/// <summary>
/// <c>dockerlint parse FILE</c>: prints a Dockerfile's syntax tree with spans, or a Compose project's
/// merged model with the origin of every value, for debugging the parsers.
/// </summary>
internal static class ParseCommand
{
    /// <summary>Prints the tree or the project of <paramref name="file"/>, then its diagnostics in msbuild format.</summary>
    public static int Run(string file, bool buildKit, TextWriter output, TextWriter error)
    {
        if (SourceFiles.IsComposeName(Path.GetFileName(file)))
        {
            var project = DockerLint.Parser.Compose.ComposeLoader.Load([file]);
            output.Write(ComposePrinter.Print(project));
            foreach (var diagnostic in project.Diagnostics)
            {
                output.WriteLine(MsBuildFormatter.Line(diagnostic));
            }

            return 0;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file}: error: cannot read the file: {e.Message}");
            return ExitCodes.UsageError;
        }

        var tree = DockerfileSyntaxTree.Parse(bytes, file);
        output.Write(buildKit ? BuildKitAstDumper.Dump(tree) : Print(tree));
        foreach (var diagnostic in tree.Diagnostics)
        {
            output.WriteLine(MsBuildFormatter.Line(diagnostic));
        }

        return 0;
    }

    /// <summary>The tree as indented text: directives, instructions, their tokens and trivia, with spans.</summary>
    public static string Print(DockerfileSyntaxTree tree)
    {
        var builder = new StringBuilder();
        builder.Append($"Dockerfile {tree.FilePath} (escape {Escape(tree.EscapeToken.ToString())}, {tree.Root.Instructions.Length} instructions)\n");
        foreach (var directive in tree.Root.Directives)
        {
            builder.Append($"  Directive {directive.Name}={Escape(directive.Value)} {Where(tree, directive.Span)}\n");
        }

        var owner = new Dictionary<SyntaxToken, string>();
        foreach (var instruction in tree.Root.Instructions)
        {
            Describe(tree, instruction, "  ", builder, owner);
        }

        builder.Append("  Tokens\n");
        foreach (var token in tree.Root.AllTokens)
        {
            foreach (var trivia in token.LeadingTrivia)
            {
                builder.Append($"    leading  {Trivia(tree, trivia)}\n");
            }

            builder.Append($"    {token.Kind} {Escape(token.Text)} {Where(tree, token.Span)}");
            if (token.Value != token.Text)
            {
                builder.Append($" value={Escape(token.Value)}");
            }

            builder.Append('\n');
            foreach (var trivia in token.InnerTrivia)
            {
                builder.Append($"    inner    {Trivia(tree, trivia)}\n");
            }

            foreach (var trivia in token.TrailingTrivia)
            {
                builder.Append($"    trailing {Trivia(tree, trivia)}\n");
            }
        }

        return builder.ToString();
    }

    private static void Describe(DockerfileSyntaxTree tree, InstructionSyntax instruction, string indent, StringBuilder builder, Dictionary<SyntaxToken, string> owner)
    {
        builder.Append($"{indent}Instruction {instruction.KeywordText} {Where(tree, instruction.Span)}{(instruction.IsExecForm ? " exec-form" : "")}\n");
        foreach (var flag in instruction.Flags)
        {
            builder.Append($"{indent}  Flag {Escape(flag.Name)}{(flag.Value is null ? "" : "=" + Escape(flag.Value))} {Where(tree, flag.Token.Span)}\n");
        }

        foreach (var argument in instruction.Arguments)
        {
            builder.Append($"{indent}  Argument {Escape(argument.Text)} {Where(tree, argument.Span)}\n");
        }

        foreach (var pair in instruction.KeyValues)
        {
            builder.Append($"{indent}  Pair {Escape(pair.Key.Text)} {Where(tree, pair.Key.Span)} = {Escape(pair.Value.Text)} {Where(tree, pair.Value.Span)}\n");
        }

        foreach (var heredoc in instruction.Heredocs)
        {
            builder.Append($"{indent}  Heredoc {Escape(heredoc.Name)} marker {Where(tree, heredoc.Marker.Span)} body {Where(tree, heredoc.Body.Span)}{(heredoc.IsTerminated ? "" : " unterminated")}\n");
        }

        if (instruction.Trigger is not null)
        {
            Describe(tree, instruction.Trigger, indent + "  ", builder, owner);
        }
    }

    private static string Trivia(DockerfileSyntaxTree tree, SyntaxTrivia trivia)
        => $"{trivia.Kind} {Escape(tree.Text.ToString(trivia.Span))} {Where(tree, trivia.Span)}";

    private static string Where(DockerfileSyntaxTree tree, TextSpan span)
    {
        var lines = tree.GetLineSpan(span);
        var s = lines.StartLinePosition;
        var e = lines.EndLinePosition;
        return $"[{span.Start}..{span.End}) {s.Line + 1}:{s.Character + 1}-{e.Line + 1}:{e.Character + 1}";
    }

    private static string Escape(string text) => BuildKitAstDumper.Quote(text);
}
