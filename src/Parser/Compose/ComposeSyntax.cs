namespace DockerLint.Parser.Compose;

/// <summary>Small pieces of Compose's short syntaxes shared by the merger and the model.</summary>
internal static class ComposeSyntax
{
    /// <summary>Splits a short volume (<c>SOURCE:TARGET:MODE</c>) at ':' but keeps Windows drive letters (<c>C:\data</c>, <c>c:/data</c>) with their path.</summary>
    public static List<string> SplitVolume(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ':')
            {
                continue;
            }

            var isDrive = i - start == 1 && char.IsAsciiLetter(text[start]) && i + 1 < text.Length && text[i + 1] is '\\' or '/';
            if (isDrive)
            {
                continue;
            }

            parts.Add(text[start..i]);
            start = i + 1;
        }

        parts.Add(text[start..]);
        return parts;
    }
}
