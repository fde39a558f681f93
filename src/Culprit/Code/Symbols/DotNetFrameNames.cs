namespace Culprit.Code.Symbols;

/// <summary>
/// Maps a .NET stack frame's <c>Type.Method</c> back to the type and member the source declares, undoing what the
/// compiler generates: async and iterator state machines (<c>&lt;Run&gt;d__5.MoveNext</c>), lambda closures
/// (<c>&lt;&gt;c__DisplayClass3_0.&lt;Run&gt;b__0</c>, <c>&lt;&gt;c.&lt;Run&gt;b__3_0</c>), local functions
/// (<c>&lt;Run&gt;g__Local|3_0</c>), nested-type '+', generic arity (<c>Repo`1</c>), method type arguments
/// (<c>Find[T]</c>) and property accessors (<c>get_Total</c>).
/// </summary>
public static class DotNetFrameNames
{
    /// <summary>
    /// The declaring type (dotted, as <see cref="CodeSymbol.QualifiedName"/> spells it) and member name:
    /// <c>Ns.Type.&lt;DoWorkAsync&gt;d__5.MoveNext</c> → (<c>Ns.Type</c>, <c>DoWorkAsync</c>); a lambda maps to the
    /// member that contains it, a local function to its own name.
    /// </summary>
    public static (string Type, string Method) Normalize(string typeAndMethod)
    {
        var segments = Split(typeAndMethod.Trim());
        if (segments.Count == 0)
            return ("", "");
        var method = StripMethodTypeArguments(segments[^1]);
        segments.RemoveAt(segments.Count - 1);
        while (segments.Count > 0 && segments[^1].StartsWith('<'))
        {
            var generated = segments[^1];
            segments.RemoveAt(segments.Count - 1);
            // <>c and <>c__DisplayClass: closure classes; the method segment names the real member.
            // <Name>d__5: a state machine for Name, whose MoveNext is the frame's method.
            if (!generated.StartsWith("<>", StringComparison.Ordinal))
                method = generated;
        }

        method = SourceMember(method);
        for (var i = 0; i < segments.Count; i++)
            segments[i] = StripArity(segments[i]);
        return (string.Join('.', segments), method);
    }

    /// <summary>The declared member behind a compiler-generated method name.</summary>
    private static string SourceMember(string name)
    {
        while (name.StartsWith('<'))
        {
            var close = MatchingAngle(name);
            if (close < 0)
                return name;
            var inner = name[1..close];
            var rest = name[(close + 1)..];
            // g__Local|3_0: a local function declared in <inner>; its own name is what the source declares.
            if (rest.StartsWith("g__", StringComparison.Ordinal))
            {
                var bar = rest.IndexOf('|', StringComparison.Ordinal);
                return bar > 3 ? rest[3..bar] : rest[3..];
            }

            name = inner;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["get_", "set_", "init_", "add_", "remove_"])
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
                return name[prefix.Length..];
        }

        return name;
    }

    /// <summary>Splits on '.' and '+' outside angle brackets; <c>..ctor</c> keeps its dot.</summary>
    private static List<string> Split(string text)
    {
        var segments = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
                depth++;
            else if (c == '>')
                depth--;
            else if (depth == 0 && c is '.' or '+' && i > start)
            {
                segments.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (start < text.Length)
            segments.Add(text[start..]);
        return segments;
    }

    private static int MatchingAngle(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
                depth++;
            else if (text[i] == '>' && --depth == 0)
                return i;
        }

        return -1;
    }

    private static string StripArity(string segment)
    {
        var tick = segment.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? segment : segment[..tick];
    }

    private static string StripMethodTypeArguments(string method)
    {
        var bracket = method.IndexOf('[', StringComparison.Ordinal);
        return StripArity(bracket <= 0 ? method : method[..bracket]);
    }
}
