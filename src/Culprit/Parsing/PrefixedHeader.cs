using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// Headers whose timestamp comes after a few leading columns, as collectors and cluster monitors write them:
/// <c>- 1117838570 2005.06.03 R02-M1-N0 2005-06-03-15.42.50.675872 R02-M1-N0 RAS KERNEL INFO message</c>,
/// <c>134681 node-246 unix.hw state_change.unavailable 1077804742 1 message</c>,
/// <c>- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond[2915]: message</c>.
/// The line must start with a column that cannot begin prose (<c>-</c>, a number, an upper-case label or an
/// identifier with digits or punctuation) and reach a timestamp within <see cref="MaxLeadingColumns"/> plain
/// columns. After the timestamp, further columns (more timestamps, ids, upper-case labels) belong to the
/// header; it ends at an upper-case level word (the column before it, when upper case, is the logger), at a
/// syslog <c>time host tag[pid]:</c>, or at the first word that is not a column (the message).
/// </summary>
internal static class PrefixedHeader
{
    /// <summary>Columns before the timestamp.</summary>
    public const int MaxLeadingColumns = 5;

    /// <summary>Columns after the timestamp that may still belong to the header.</summary>
    public const int MaxTrailingColumns = 10;

    private const int MaxColumnLength = 64;

    /// <summary>True when the line has such a header (for <see cref="HeaderDetector"/>).</summary>
    public static bool Matches(ReadOnlySpan<char> s) => FindTimestamp(s, null, out _, out _) >= 0;

    public static bool TryRead(ReadOnlySpan<char> s, LogClock clock, ref PlainHeader h)
    {
        // the same question as the header detector asks, so the framer and the parser agree on every line
        var at = FindTimestamp(s, null, out var length, out var timestamp);
        if (at < 0)
            return false;
        var found = new PlainHeader { Timestamp = timestamp };
        var q = at + length;
        var previous = default(Slice);
        for (var column = 0; column < MaxTrailingColumns; column++)
        {
            q = HeaderText.SkipBlanks(s, q);
            if (q >= s.Length)
                break;
            var end = HeaderText.TokenEnd(s, q);
            if (char.IsAsciiLetterUpper(s[q]) && NamedTimestampReader.IsSyslogForm(s[q..]))
            {
                var n = TimestampReader.Read(s[q..], clock, out _);
                var message = n > 0 ? SyslogHeader.ReadHostTag(s, q + n, ref found) : -1;
                if (message >= 0)
                {
                    q = message;
                    break;
                }
            }

            var token = s[q..end];
            if (HeaderText.IsUpperWord(token) && HeaderText.LetterRun(token, 0) == token.Length && LevelNames.Parse(token) is var level and not LogLevel.Unknown)
            {
                found.Level = level;
                if (!previous.IsEmpty && HeaderText.IsUpperWord(previous.Of(s)) && HeaderText.LetterRun(previous.Of(s), 0) == previous.Length)
                    found.Logger = previous;
                q = end;
                break;
            }

            var stamp = TimestampReader.Read(s[q..], clock, out _);
            if (stamp > 0 && q + stamp >= end)
            {
                previous = default;
                q += stamp;
                continue;
            }

            if (!IsColumn(token, leading: false))
                break;
            previous = Slice.Between(q, end);
            q = end;
        }

        found.MessageStart = HeaderText.SkipBlanks(s, q);
        h = found;
        return true;
    }

    /// <summary>Where the timestamp after the leading columns starts, or -1 when the line has no such header.</summary>
    /// <remarks>Only timestamps that carry their date count (no clock completes them).</remarks>
    private static int FindTimestamp(ReadOnlySpan<char> s, LogClock? clock, out int length, out DateTimeOffset timestamp)
    {
        length = 0;
        timestamp = default;
        var p = 0;
        for (var column = 0; column <= MaxLeadingColumns; column++)
        {
            p = HeaderText.SkipBlanks(s, p);
            if (p >= s.Length)
                return -1;
            if (column > 0 && (length = TimestampReader.Read(s[p..], clock, out timestamp)) > 0)
                return p + length == s.Length || s[p + length] is ' ' or '\t' ? p : -1;
            var end = HeaderText.TokenEnd(s, p);
            var token = s[p..end];
            if (column == 0 ? !IsLeadingColumn(token) : !IsColumn(token, leading: true))
                return -1;
            p = end;
        }

        return -1;
    }

    /// <summary>The first column: <c>-</c>, or a number, upper-case label or id with digits that starts with a letter or digit.</summary>
    private static bool IsLeadingColumn(ReadOnlySpan<char> token) =>
        token is "-" || (char.IsAsciiLetterOrDigit(token[0]) && IsColumn(token, leading: false));

    /// <summary>
    /// A header column: letters, digits and <c>-._:/@#</c> only, not ending in <c>:</c>, holding a digit or
    /// written in upper case. Before the timestamp, words with such punctuation and plain lower-case words count
    /// too (<c>unix.hw</c>, <c>node status</c>); after it they start the message (<c>not-responding</c>).
    /// </summary>
    private static bool IsColumn(ReadOnlySpan<char> token, bool leading)
    {
        if (token.IsEmpty || token.Length > MaxColumnLength || token[^1] == ':')
            return false;
        var marked = false;
        var digits = false;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
                digits = true;
            else if (c is '-' or '.' or '_' or ':' or '/' or '@' or '#')
                marked = true;
            else if (!char.IsAsciiLetter(c))
                return false;
        }

        if (digits || (token.Length > 1 && HeaderText.IsUpperWord(token)))
            return true;
        return leading && (marked || HeaderText.IsLowerWord(token));
    }
}
