namespace Culprit.Parsing;

/// <summary>The part of an RFC 3164 line after its timestamp: <c>host tag[pid]: </c> (the host may be absent).</summary>
internal static class SyslogHeader
{
    /// <summary>Reads <c> host tag[pid]:</c> at <paramref name="p"/> (a space); returns where the message starts, or -1.</summary>
    public static int ReadHostTag(ReadOnlySpan<char> s, int p, ref PlainHeader h)
    {
        if (p >= s.Length || s[p] != ' ')
            return -1;
        var first = p + 1;
        var message = ReadTag(s, first, ref h);
        if (message >= 0)
            return message;
        var hostEnd = HeaderText.TokenEnd(s, first);
        if (hostEnd == first || hostEnd >= s.Length || s[hostEnd] != ' ')
            return -1;
        message = ReadTag(s, hostEnd + 1, ref h);
        if (message < 0)
            return -1;
        h.Host = Slice.Between(first, hostEnd);
        return message;
    }

    /// <summary>Reads <c>tag:</c> or <c>tag[pid]:</c> at <paramref name="p"/>; returns where the message starts, or -1.</summary>
    public static int ReadTag(ReadOnlySpan<char> s, int p, ref PlainHeader h)
    {
        var end = HeaderText.TokenEnd(s, p);
        if (end - p < 2 || s[end - 1] != ':' || !(char.IsAsciiLetterOrDigit(s[p]) || (s[p] == '/' && s[end - 2] == ']')))
            return -1;
        var name = Slice.Between(p, end - 1);
        if (s[end - 2] == ']')
        {
            var open = s[p..(end - 2)].LastIndexOf('[');
            if (open <= 0)
                return -1;
            h.ProcessId = Slice.Between(p + open + 1, end - 2);
            name = new Slice(p, open);
        }

        if (name.IsEmpty)
            return -1;
        h.App = name;
        h.Syslog = true;
        return HeaderText.SkipBlanks(s, end);
    }
}
