using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions.Java;

/// <summary>
/// Reads one JVM frame line, <c>at Q(LOC)</c> with an optional logback/log4j2 packaging suffix
/// (<c> ~[jar:version]</c>). Strict on purpose: .NET frames (<c>Method(Type arg) in path:line N</c>,
/// <c>Method()</c>) and V8 frames (<c>fn (file.js:1:2)</c>) are not JVM frames.
/// </summary>
internal static class JavaFrameLine
{
    /// <summary>True when the line, after its indentation, starts with <c>at </c> (a frame of some runtime).</summary>
    public static bool StartsWithAt(ReadOnlySpan<char> line)
    {
        var s = line.TrimStart();
        return s.Length > 3 && s[0] == 'a' && s[1] == 't' && s[2] == ' ';
    }

    /// <summary>Reads a JVM frame; false for anything else, including frames of other runtimes.</summary>
    public static bool TryParse(string line, out Frame frame)
    {
        frame = null!;
        var s = line.AsSpan().Trim();
        if (s.Length < 8 || s[0] != 'a' || s[1] != 't' || s[2] != ' ')
            return false;
        s = s[3..].TrimStart();

        var open = s.IndexOf('(');
        if (open <= 0)
            return false;
        var close = s[open..].IndexOf(')') + open;
        if (close < open)
            return false;
        if (!IsPackagingSuffix(s[(close + 1)..]))
            return false;
        var location = s[(open + 1)..close];
        if (!TryReadQualifiedMethod(s[..open], out var module, out var function))
            return false;
        if (!TryReadLocation(location, out var file, out var lineNumber))
            return false;

        frame = new Frame { Module = module, Function = function, File = file, Line = lineNumber, Raw = line };
        return true;
    }

    /// <summary>
    /// Reads the beginning of a frame cut off by the end of the text (<c>at com.x.Y.run(Y.ja</c>):
    /// the method when the parenthesis was reached, nothing else.
    /// </summary>
    public static bool TryParseCut(string line, out Frame frame)
    {
        frame = null!;
        var s = line.AsSpan().Trim();
        if (s.Length < 4 || s[0] != 'a' || s[1] != 't' || s[2] != ' ' || s.Contains(')'))
            return false;
        s = s[3..].TrimStart();
        var open = s.IndexOf('(');
        if (open <= 0 || !TryReadQualifiedMethod(s[..open], out var module, out var function))
            return false;
        frame = new Frame { Module = module, Function = function, Raw = line };
        return true;
    }

    /// <summary>
    /// Splits <c>[loader/][module@version/]pkg.Class$Inner.method</c> into class and method. A hidden class's
    /// <c>/0x...</c> suffix (<c>Foo$$Lambda/0x0000000800c0b040</c>) is part of the class, not a prefix.
    /// </summary>
    private static bool TryReadQualifiedMethod(ReadOnlySpan<char> q, out string module, out string function)
    {
        module = "";
        function = "";
        foreach (var c in q)
        {
            if (char.IsWhiteSpace(c) || c is ':' or '(' or ')' or '[' or ']' or ',' or '\'' or '"')
                return false;
        }

        var prefixEnd = 0;
        for (var i = q.Length - 1; i >= 0; i--)
        {
            if (q[i] == '/' && !q[(i + 1)..].StartsWith("0x", StringComparison.Ordinal))
            {
                prefixEnd = i + 1;
                break;
            }
        }

        var name = q[prefixEnd..];
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1 || !JavaNames.IsIdentifierStart(name[0]))
            return false;
        module = name[..dot].ToString();
        function = name[(dot + 1)..].ToString();
        return true;
    }

    /// <summary><c>File.java:12</c>, <c>File.java</c>, <c>Native Method</c>, <c>Unknown Source</c>, <c>SourceFile:3</c>, <c>&lt;generated&gt;</c>.</summary>
    private static bool TryReadLocation(ReadOnlySpan<char> loc, out string? file, out int? line)
    {
        file = null;
        line = null;
        if (loc.SequenceEqual("Native Method") || loc.SequenceEqual("Unknown Source"))
            return true;
        if (loc.StartsWith("Unknown Source:", StringComparison.Ordinal))
            return TryReadLineNumber(loc["Unknown Source:".Length..], out line);
        if (loc.IsEmpty || loc.ContainsAny(JavaNames.NotInFileName))
            return false;

        var colon = loc.IndexOf(':');
        if (colon < 0)
        {
            // Without a line number only a plausible source file name: a .NET parameter type is not one.
            if (!loc.Contains('.') && loc[0] != '<' && !loc.SequenceEqual("SourceFile"))
                return false;
            file = loc.ToString();
            return true;
        }

        if (colon == 0 || !TryReadLineNumber(loc[(colon + 1)..], out line))
            return false;
        file = loc[..colon].ToString();
        return true;
    }

    private static bool TryReadLineNumber(ReadOnlySpan<char> digits, out int? line)
    {
        line = null;
        if (digits.IsEmpty || digits.Length > 9)
            return false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        line = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Nothing, or logback/log4j2 packaging data: <c>~[jar:version]</c> or <c>[jar:version]</c>.</summary>
    private static bool IsPackagingSuffix(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        if (rest.IsEmpty)
            return true;
        if (rest[0] == '~')
            rest = rest[1..];
        return rest.Length >= 2 && rest[0] == '[' && rest[^1] == ']' && rest[1..].IndexOf('[') < 0;
    }
}
