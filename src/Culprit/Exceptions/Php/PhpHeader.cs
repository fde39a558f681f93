using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Reads the header of a PHP exception (type, first message line, throw site) in each of its printed forms. A message
/// may run over several lines; then the line that ends with the throw site must be followed by the stack trace.
/// </summary>
internal sealed class PhpHeader
{
    private const string Uncaught = "Uncaught ";
    private const string Php5Exception = "exception '";
    private const string Php5WithMessage = "' with message '";
    private const string MonologObject = "[object] (";
    private const string MonologCode = "(code: ";
    private const int MaxMessageLines = 50;

    private PhpHeader(ExceptionInfo exception, PhpHeaderForm form)
    {
        Exception = exception;
        Form = form;
    }

    public ExceptionInfo Exception { get; }

    public PhpHeaderForm Form { get; }

    /// <summary>Index of the header's last line (the one with the throw site).</summary>
    public int LastIndex { get; private set; }

    /// <summary>Reads a top-level header on <paramref name="index"/>, after whatever log prefix shares its line.</summary>
    public static bool TryRead(TraceLines lines, int index, out PhpHeader header)
    {
        header = null!;
        var line = lines[index].AsSpan();
        if (line.Length < 10)
            return false;

        var at = line.IndexOf(Uncaught, StringComparison.Ordinal);
        if (at >= 0 && TryReadUncaught(lines, index, line, at, out header))
            return true;

        at = line.IndexOf(Php5Exception, StringComparison.Ordinal);
        if (at >= 0 && (at == 0 || !char.IsAsciiLetter(line[at - 1])) && TryReadPhp5(lines, index, line[(at + Php5Exception.Length)..], out header))
            return true;

        at = line.IndexOf(MonologObject, StringComparison.Ordinal);
        if (at >= 0 && TryReadMonolog(lines, index, line[(at + MonologObject.Length)..], out header))
            return true;

        // "Type: message in FILE:LINE" alone (Throwable::__toString) counts only with a PHP trace right after it.
        if (!IsTraceStart(lines, index + 1, PhpHeaderForm.Modern) || index + 2 >= lines.Count || !PhpFrameLine.IsFrame(lines[index + 2]))
            return false;
        var type = FindModernType(line);
        return type >= 0 && TryReadModern(lines, index, line[type..], out header);
    }

    /// <summary><paramref name="at"/> is where "Uncaught " starts on <paramref name="line"/>.</summary>
    private static bool TryReadUncaught(TraceLines lines, int index, ReadOnlySpan<char> line, int at, out PhpHeader header)
    {
        var text = line[(at + Uncaught.Length)..];
        if (text.StartsWith(Php5Exception, StringComparison.Ordinal))
            return TryReadPhp5(lines, index, text[Php5Exception.Length..], out header);

        // "Uncaught" alone is also how browsers report errors: the PHP form states "Fatal error" or has a PHP trace.
        return TryReadModern(lines, index, text, out header)
            && (line[..at].Contains("Fatal error", StringComparison.Ordinal) || IsTraceStart(lines, header.LastIndex + 1, header.Form));
    }

    /// <summary>Reads a chained header: PHP's <c>Next Type: ...</c> or Monolog's <c>[previous exception] [object] (...)</c>.</summary>
    public static bool TryReadLinked(TraceLines lines, int index, PhpHeaderForm form, out PhpHeader header)
    {
        header = null!;
        var line = lines[index].AsSpan().TrimStart();
        if (form == PhpHeaderForm.Monolog)
        {
            const string Previous = "[previous exception] " + MonologObject;
            return line.StartsWith(Previous, StringComparison.Ordinal)
                && TryReadMonolog(lines, index, line[Previous.Length..], out header);
        }

        if (!line.StartsWith("Next ", StringComparison.Ordinal))
            return false;
        var text = line[5..];
        return text.StartsWith(Php5Exception, StringComparison.Ordinal)
            ? TryReadPhp5(lines, index, text[Php5Exception.Length..], out header)
            : TryReadModern(lines, index, text, out header);
    }

    /// <summary>True when <paramref name="index"/> is the <c>Stack trace:</c> (Monolog: <c>[stacktrace]</c>) line.</summary>
    public static bool IsTraceStart(TraceLines lines, int index, PhpHeaderForm form)
    {
        if (index >= lines.Count)
            return false;
        var line = lines[index].AsSpan().Trim();
        return form == PhpHeaderForm.Monolog
            ? line.SequenceEqual("[stacktrace]")
            : line.SequenceEqual("Stack trace:");
    }

    /// <summary><paramref name="text"/> starts at the type: <c>Type: message in FILE:LINE</c> or <c>Type in FILE:LINE</c>.</summary>
    private static bool TryReadModern(TraceLines lines, int index, ReadOnlySpan<char> text, out PhpHeader header)
    {
        header = null!;
        var end = text.IndexOfAny(':', ' ');
        if (end <= 0 || !PhpText.IsClassName(text[..end]))
            return false;
        var rest = text[end..];
        if (rest.StartsWith(": ", StringComparison.Ordinal))
            rest = rest[2..];
        else if (!rest.StartsWith(" in ", StringComparison.Ordinal))
            return false;

        header = new PhpHeader(new ExceptionInfo { Runtime = Runtime.Php, Type = text[..end].ToString() }, PhpHeaderForm.Modern);
        return header.TryReadMessage(lines, index, rest);
    }

    /// <summary><paramref name="text"/> follows <c>exception '</c>: <c>Type' with message 'message' in FILE:LINE</c>.</summary>
    private static bool TryReadPhp5(TraceLines lines, int index, ReadOnlySpan<char> text, out PhpHeader header)
    {
        header = null!;
        var end = text.IndexOf(Php5WithMessage, StringComparison.Ordinal);
        if (end <= 0 || !PhpText.IsClassName(text[..end]))
            return false;
        header = new PhpHeader(new ExceptionInfo { Runtime = Runtime.Php, Type = text[..end].ToString() }, PhpHeaderForm.Php5);
        return header.TryReadMessage(lines, index, text[(end + Php5WithMessage.Length)..]);
    }

    /// <summary><paramref name="text"/> follows <c>[object] (</c>: <c>Type(code: N): message at FILE:LINE)</c>.</summary>
    private static bool TryReadMonolog(TraceLines lines, int index, ReadOnlySpan<char> text, out PhpHeader header)
    {
        header = null!;
        var end = text.IndexOf(MonologCode, StringComparison.Ordinal);
        if (end <= 0 || !PhpText.IsClassName(text[..end]))
            return false;
        var close = text[end..].IndexOf("): ", StringComparison.Ordinal);
        if (close < 0)
            return false;
        header = new PhpHeader(new ExceptionInfo { Runtime = Runtime.Php, Type = PhpText.Unescape(text[..end]) }, PhpHeaderForm.Monolog);
        return header.TryReadMessage(lines, index, text[(end + close + 3)..]);
    }

    /// <summary>The start of the type in <c>PREFIX Type: message</c>: the first class-like word before a colon, preferring names that read as exceptions.</summary>
    private static int FindModernType(ReadOnlySpan<char> line)
    {
        var first = -1;
        var from = 0;
        while (from < line.Length)
        {
            var colon = line[from..].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
                break;
            colon += from;
            var start = line[..colon].LastIndexOfAny(' ', '\t', ']') + 1;
            var word = line[start..colon];
            if (PhpText.IsClassName(word))
            {
                if (word.EndsWith("Exception", StringComparison.Ordinal) || word.EndsWith("Error", StringComparison.Ordinal) || word.Contains('\\'))
                    return start;
                if (first < 0)
                    first = start;
            }

            from = colon + 2;
        }

        return first;
    }

    /// <summary>
    /// Reads the message from <paramref name="rest"/> up to the throw site, on this line or, for a multi-line
    /// message, on the last line before the stack trace.
    /// </summary>
    private bool TryReadMessage(TraceLines lines, int index, ReadOnlySpan<char> rest)
    {
        if (TrySplitLocation(rest, out var message, out var location))
        {
            Exception.Message = Text(message);
            Exception.Location = location;
            LastIndex = index;
            return true;
        }

        var limit = Math.Min(lines.Count - 1, index + MaxMessageLines);
        for (var i = index + 1; i < limit; i++)
        {
            if (IsTraceStart(lines, i, Form))
                return false;
            if (!IsTraceStart(lines, i + 1, Form))
                continue;
            if (!TrySplitLocation(lines[i], out var tail, out location))
                return false;

            Exception.Message = Text(rest);
            for (var j = index + 1; j < i; j++)
                Exception.MessageContinuation.Add(Text(lines[j]));
            Exception.MessageContinuation.Add(Text(tail));
            Exception.Location = location;
            LastIndex = i;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Splits <c>message in FILE:LINE</c> / <c>message in FILE on line N</c> (Monolog: <c>message at FILE:LINE)</c>) at
    /// the last separator; PHP 5 messages lose their closing quote.
    /// </summary>
    private bool TrySplitLocation(ReadOnlySpan<char> text, out ReadOnlySpan<char> message, out SourceLocation location)
    {
        message = default;
        location = null!;
        text = text.TrimEnd();
        if (Form == PhpHeaderForm.Monolog)
        {
            if (!text.EndsWith(')'))
                return false;
            text = text[..^1];
        }

        var digits = text.Length;
        while (digits > 0 && char.IsAsciiDigit(text[digits - 1]))
            digits--;
        if (digits == text.Length || text.Length - digits > 9)
            return false;
        var line = int.Parse(text[digits..], NumberStyles.None, CultureInfo.InvariantCulture);

        ReadOnlySpan<char> head;
        if (text[..digits].EndsWith(" on line ", StringComparison.Ordinal) && Form != PhpHeaderForm.Monolog)
            head = text[..(digits - " on line ".Length)];
        else if (digits > 0 && text[digits - 1] == ':')
            head = text[..(digits - 1)];
        else
            return false;

        var separator = Form == PhpHeaderForm.Monolog ? " at " : " in ";
        var cut = head.LastIndexOf(separator, StringComparison.Ordinal);
        if (cut < 0 || cut + separator.Length >= head.Length)
            return false;
        message = head[..cut];
        if (Form == PhpHeaderForm.Php5)
        {
            if (!message.EndsWith('\''))
                return false;
            message = message[..^1];
        }

        location = new SourceLocation(Text(head[(cut + separator.Length)..]), line);
        return true;
    }

    private string Text(ReadOnlySpan<char> text) => Form == PhpHeaderForm.Monolog ? PhpText.Unescape(text) : text.ToString();
}
