using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads Rust's <c>FILE:LINE[:COL]</c> locations, taking the numbers from the right so that Windows drive letters stay in the file.</summary>
internal static class RustLocation
{
    public static bool TryParse(ReadOnlySpan<char> text, out SourceLocation location)
    {
        location = null!;
        var last = text.LastIndexOf(':');
        if (last <= 0 || !TryNumber(text[(last + 1)..], out var lastNumber))
            return false;

        var head = text[..last];
        var previous = head.LastIndexOf(':');
        if (previous > 0 && TryNumber(head[(previous + 1)..], out var line))
        {
            location = new SourceLocation(head[..previous].ToString(), line, lastNumber);
            return true;
        }

        location = new SourceLocation(head.ToString(), lastNumber);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return text.Length is > 0 and < 10 && char.IsAsciiDigit(text[0])
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
