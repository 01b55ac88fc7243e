// TEMPORARY stub, replaced by the real implementation.
namespace DockerLint.Parser.Syntax;

internal enum JsonArrayKind { NotJson, StringArray, NonStringArray }

internal sealed record JsonArrayElement(string Value, int Start, int Length);

internal sealed class JsonArrayResult
{
    public JsonArrayKind Kind { get; init; }
    public List<JsonArrayElement> Elements { get; } = [];
    public List<int> Commas { get; } = [];
    public int OpenBracket { get; init; }
    public int CloseBracket { get; set; }
}

internal static class JsonArrayParser
{
    public static JsonArrayResult Parse(string text, int start, int length)
    {
        var end = start + length;
        var r = new JsonArrayResult { Kind = JsonArrayKind.StringArray, OpenBracket = start };
        var p = start + 1;
        void Ws() { while (p < end && text[p] is ' ' or '\t' or '\r' or '\n') p++; }
        Ws();
        if (p < end && text[p] == ']') { r.CloseBracket = p; p++; Ws(); return p == end ? r : new JsonArrayResult(); }
        while (true)
        {
            Ws();
            if (p >= end) return new JsonArrayResult();
            if (text[p] != '"') return new JsonArrayResult { Kind = text[p] == '[' ? JsonArrayKind.NonStringArray : JsonArrayKind.NotJson };
            var s = p; p++;
            var sb = new System.Text.StringBuilder();
            while (p < end && text[p] != '"')
            {
                if (text[p] == '\\' && p + 1 < end)
                {
                    p++;
                    var c = text[p];
                    switch (c)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u': sb.Append((char)Convert.ToInt32(text.Substring(p + 1, 4), 16)); p += 4; break;
                        default: sb.Append(c); break;
                    }
                    p++;
                    continue;
                }
                sb.Append(text[p]); p++;
            }
            if (p >= end) return new JsonArrayResult();
            p++;
            r.Elements.Add(new JsonArrayElement(sb.ToString(), s, p - s));
            Ws();
            if (p < end && text[p] == ',') { r.Commas.Add(p); p++; continue; }
            if (p < end && text[p] == ']') { r.CloseBracket = p; p++; Ws(); return p == end ? r : new JsonArrayResult(); }
            return new JsonArrayResult();
        }
    }
}
