using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads the lines of a goroutine dump: <c>goroutine N [state]:</c>, the function line <c>Q(args)</c>, the
/// location line <c>FILE:LINE +0x..</c> and <c>created by Q</c>.
/// </summary>
internal static class GoFrames
{
    private const string GoroutinePrefix = "goroutine ";
    private const string CreatedByPrefix = "created by ";

    public static bool TryReadGoroutineHeader(string line, out int id, out string state)
    {
        id = 0;
        state = "";
        var s = line.AsSpan().Trim();
        if (!s.StartsWith(GoroutinePrefix, StringComparison.Ordinal) || !s.EndsWith("]:", StringComparison.Ordinal))
            return false;
        s = s[GoroutinePrefix.Length..];
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits == 0 || !int.TryParse(s[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out id))
            return false;

        // Newer runtimes may print "gp=0x.. m=.." between the id and the state.
        var open = s.IndexOf(" [", StringComparison.Ordinal);
        if (open < digits)
            return false;
        state = s[(open + 2)..^2].ToString();
        return true;
    }

    /// <summary>A function line <c>pkg/path.Func(args)</c> (or the builtin <c>panic(...)</c>).</summary>
    public static bool TryReadFunction(string line, out Frame frame)
    {
        frame = null!;
        var s = line.AsSpan().Trim();
        if (s.Length < 3 || s[^1] != ')')
            return false;
        var open = MatchingOpen(s);
        if (open <= 0)
            return false;
        var symbol = s[..open];
        if (!IsSymbol(symbol) || (!symbol.Contains('.') && symbol is not "panic"))
            return false;
        frame = FromSymbol(symbol, line);
        return true;
    }

    /// <summary><c>created by pkg.Func</c>, with Go 1.21's <c> in goroutine N</c> dropped.</summary>
    public static bool TryReadCreatedBy(string line, out Frame frame)
    {
        frame = null!;
        var s = line.AsSpan().Trim();
        if (!s.StartsWith(CreatedByPrefix, StringComparison.Ordinal))
            return false;
        s = s[CreatedByPrefix.Length..];
        var inGoroutine = s.IndexOf(" in goroutine ", StringComparison.Ordinal);
        if (inGoroutine > 0)
            s = s[..inGoroutine];
        if (!IsSymbol(s))
            return false;
        frame = FromSymbol(s, line);
        return true;
    }

    /// <summary>A location line <c>FILE:LINE</c> with an optional <c> +0x1f</c> offset (and register notes after it).</summary>
    public static bool TryReadLocation(string line, out string file, out int lineNumber)
    {
        file = "";
        lineNumber = 0;
        var s = line.AsSpan().Trim();
        var offset = s.IndexOf(" +0x", StringComparison.Ordinal);
        if (offset > 0)
            s = s[..offset];
        else if (s.IndexOf(" fp=", StringComparison.Ordinal) is var fp and > 0)
            s = s[..fp];
        var colon = s.LastIndexOf(':');
        if (colon <= 0 || colon == s.Length - 1)
            return false;
        if (!int.TryParse(s[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber))
            return false;
        file = s[..colon].ToString();
        return true;
    }

    /// <summary>Splits <c>Q</c> into the package path (up to the first <c>.</c> after the last <c>/</c>) and the rest.</summary>
    internal static Frame FromSymbol(ReadOnlySpan<char> symbol, string raw)
    {
        var slash = symbol.LastIndexOf('/');
        var dot = symbol[(slash + 1)..].IndexOf('.');
        if (dot < 0)
            return new Frame { Function = symbol.ToString(), Raw = raw };
        dot += slash + 1;
        return new Frame { Module = symbol[..dot].ToString(), Function = symbol[(dot + 1)..].ToString(), Raw = raw };
    }

    private static bool IsSymbol(ReadOnlySpan<char> symbol)
    {
        if (symbol.IsEmpty || !(char.IsLetter(symbol[0]) || symbol[0] == '_'))
            return false;
        foreach (var c in symbol)
        {
            if (char.IsWhiteSpace(c) || c is ':' or '@' or '\\')
                return false;
        }

        return true;
    }

    private static int MatchingOpen(ReadOnlySpan<char> s)
    {
        var depth = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] == ')')
                depth++;
            else if (s[i] == '(' && --depth == 0)
                return i;
        }

        return -1;
    }
}
