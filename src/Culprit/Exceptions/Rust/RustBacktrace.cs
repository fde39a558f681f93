using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads the frames after <c>stack backtrace:</c>: <c>N: [0xADDR - ]SYMBOL</c>, each optionally followed by
/// <c>at FILE:LINE[:COL]</c> lines (the first one is the frame's location) and by the symbol lines of inlined calls.
/// </summary>
internal static class RustBacktrace
{
    /// <summary>Appends the frames that start at <paramref name="from"/>; returns the index of the last line read (from - 1 when none).</summary>
    public static int Read(TraceLines lines, int from, List<Frame> frames)
    {
        var last = from - 1;
        Frame? current = null;
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TryReadFrameLine(line, out var frame))
            {
                frames.Add(frame);
                current = frame;
                last = i;
                continue;
            }

            // Everything else that belongs to a frame is indented: its "at" lines and inlined symbols.
            if (current is null || line.Length == 0 || !char.IsWhiteSpace(line[0]) || line.AsSpan().IsWhiteSpace())
                break;
            var text = line.AsSpan().Trim();
            if (text.StartsWith("at ", StringComparison.Ordinal) && current.File is null)
            {
                ApplyLocation(current, text[3..].TrimStart());
                current.Raw = current.Raw + "\n" + line;
            }

            last = i;
        }

        return last;
    }

    /// <summary>Reads <c>N: [0xADDR - ]SYMBOL</c>; <c>&lt;unknown&gt;</c> gives a frame without function.</summary>
    public static bool TryReadFrameLine(string line, out Frame frame)
    {
        frame = null!;
        var text = line.AsSpan().TrimStart();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0 || digits >= text.Length || text[digits] != ':')
            return false;
        var rest = text[(digits + 1)..];
        if (!rest.IsEmpty && !char.IsWhiteSpace(rest[0]))
            return false;

        var symbol = rest.Trim();
        if (symbol.StartsWith("0x", StringComparison.Ordinal))
        {
            var dash = symbol.IndexOf(" - ", StringComparison.Ordinal);
            if (dash < 0)
                return false;
            symbol = symbol[(dash + 3)..].Trim();
        }

        frame = new Frame
        {
            Function = symbol.IsEmpty || symbol.SequenceEqual("<unknown>") ? null : symbol.ToString(),
            Raw = line,
        };
        return true;
    }

    private static void ApplyLocation(Frame frame, ReadOnlySpan<char> text)
    {
        if (RustLocation.TryParse(text, out var location))
        {
            frame.File = location.File;
            frame.Line = location.Line;
            frame.Column = location.Column;
        }
        else
        {
            frame.File = text.ToString();
        }
    }
}
