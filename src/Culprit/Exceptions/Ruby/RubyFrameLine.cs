using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads Ruby's <c>FILE:LINE:in `NAME'</c> locations (Ruby 3.4 quotes <c>'NAME'</c> too), with Rails' cleaned
/// <c>gem (version) path:line:in ...</c> form, where <c>gem (version)</c> becomes the module.
/// </summary>
internal static class RubyFrameLine
{
    private const string In = ":in ";

    /// <summary>
    /// Reads a whole frame: <paramref name="text"/> is the location with nothing after the label's closing quote.
    /// With <paramref name="labelOptional"/> a bare <c>FILE:LINE</c> is a frame without function (after <c>from </c>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, string raw, bool labelOptional, out Frame frame)
    {
        frame = null!;
        text = text.Trim();
        var inAt = text.IndexOf(In, StringComparison.Ordinal);
        if (inAt < 0)
            return labelOptional && TryParseBare(text, raw, out frame);
        if (!IsLabelStart(text, inAt) || text.Length < inAt + 6 || text[^1] != '\'')
            return false;
        if (!TrySplitFileLine(text[..inAt], out var file, out var line))
            return false;

        frame = Create(file, line, text[(inAt + In.Length + 1)..^1], raw);
        return true;
    }

    /// <summary>
    /// Reads the location at the start of an uncaught-exception header, <c>FILE:LINE:in `NAME': message (Type)</c>,
    /// after whatever log prefix shares the line: <paramref name="fileStart"/> is where the file begins and
    /// <paramref name="restStart"/> where the text after <c>': </c> does.
    /// </summary>
    public static bool TryParseHeader(ReadOnlySpan<char> text, string raw, out Frame frame, out int fileStart, out int restStart)
    {
        frame = null!;
        fileStart = restStart = 0;
        var inAt = text.IndexOf(In, StringComparison.Ordinal);
        if (inAt < 0 || !IsLabelStart(text, inAt))
            return false;
        var labelStart = inAt + In.Length + 1;
        var close = text[labelStart..].IndexOf("': ", StringComparison.Ordinal);
        if (close < 0 || !TrySplitFileLine(text[..inAt], out var file, out var line))
            return false;

        // A log prefix may share the line: the file is the last word before ":LINE:in".
        fileStart = file.LastIndexOfAny(' ', '\t') + 1;
        if (fileStart == file.Length)
            return false;
        frame = Create(file[fileStart..], line, text.Slice(labelStart, close), raw);
        restStart = labelStart + close + 3;
        return true;
    }

    private static bool IsLabelStart(ReadOnlySpan<char> text, int inAt) =>
        inAt > 0 && inAt + In.Length < text.Length && text[inAt + In.Length] is '`' or '\'';

    private static bool TryParseBare(ReadOnlySpan<char> text, string raw, out Frame frame)
    {
        frame = null!;
        if (!TrySplitFileLine(text, out var file, out var line))
            return false;
        frame = Create(file, line, default, raw);
        return true;
    }

    /// <summary>Splits <c>FILE:LINE</c> at the last colon, so that Windows drive letters stay in the file.</summary>
    private static bool TrySplitFileLine(ReadOnlySpan<char> text, out ReadOnlySpan<char> file, out int line)
    {
        file = default;
        line = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || text.Length - colon > 10)
            return false;
        file = text[..colon];
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out line);
    }

    private static Frame Create(ReadOnlySpan<char> file, int line, ReadOnlySpan<char> label, string raw)
    {
        var frame = new Frame { Line = line, Raw = raw, Function = label.IsEmpty ? null : label.ToString() };
        if (TrySplitGem(file, out var gem, out var path))
        {
            frame.Module = gem.ToString();
            frame.File = path.ToString();
        }
        else
        {
            frame.File = file.ToString();
        }

        return frame;
    }

    /// <summary>Rails' backtrace cleaner writes gem frames as <c>name (version) path</c>.</summary>
    private static bool TrySplitGem(ReadOnlySpan<char> file, out ReadOnlySpan<char> gem, out ReadOnlySpan<char> path)
    {
        gem = path = default;
        var open = file.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || open + 2 >= file.Length || !char.IsAsciiDigit(file[open + 2]) || file[..open].ContainsAny(' ', '/', '\\'))
            return false;
        var close = file[open..].IndexOf(") ", StringComparison.Ordinal);
        if (close < 0)
            return false;
        close += open;
        gem = file[..(close + 1)];
        path = file[(close + 2)..];
        return !path.IsEmpty && !file[(open + 2)..close].ContainsAny(' ', '(');
    }
}
