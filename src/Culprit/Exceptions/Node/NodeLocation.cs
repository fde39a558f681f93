using System.Globalization;

namespace Culprit.Exceptions;

/// <summary>Splits a JavaScript location (<c>file:line:col</c>, <c>file:line</c>) into its parts.</summary>
internal static class NodeLocation
{
    /// <summary>Reads <c>FILE:LINE:COL</c> (or <c>FILE:LINE</c> when <paramref name="columnOptional"/>); FILE may hold colons (URLs, drive letters, <c>node:</c>).</summary>
    public static bool TrySplit(ReadOnlySpan<char> text, bool columnOptional, out string file, out int line, out int? column)
    {
        file = "";
        line = 0;
        column = null;
        if (!TrySplitNumber(text, out var rest, out var last))
            return false;
        if (TrySplitNumber(rest, out var fileSpan, out var middle))
        {
            if (fileSpan.IsEmpty)
                return false;
            file = fileSpan.ToString();
            line = middle;
            column = last;
            return true;
        }

        if (!columnOptional || rest.IsEmpty)
            return false;
        file = rest.ToString();
        line = last;
        return true;
    }

    /// <summary>Text that V8 prints in place of a position: the location is the file, line and column are null.</summary>
    public static bool IsSpecial(ReadOnlySpan<char> text) =>
        text is "<anonymous>" or "native" or "unknown location"
        || text.StartsWith("eval at ", StringComparison.Ordinal)
        || (text.StartsWith("index ", StringComparison.Ordinal) && IsDigits(text[6..]));

    private static bool TrySplitNumber(ReadOnlySpan<char> text, out ReadOnlySpan<char> before, out int number)
    {
        before = default;
        number = 0;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !IsDigits(text[(colon + 1)..]))
            return false;
        before = text[..colon];
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}
