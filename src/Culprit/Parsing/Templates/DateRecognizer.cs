namespace Culprit.Parsing.Templates;

/// <summary>
/// Timestamps written inside a message, which span several words: <c>Fri Jun 17 07:07:00 2005</c>,
/// <c>Sat May 8 09:04:50 EDT 2004</c>, <c>2016-09-28 04:30:30.123+02:00</c>. Shorter forms (a bare date or
/// time) are single tokens and are read as numbers.
/// </summary>
internal static class DateRecognizer
{
    private static readonly string[] Weekdays =
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
         "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>End of <c>[Weekday[,]] Month Day[,] hh:mm:ss[.f] [TZ] [Year]</c> at <paramref name="i"/>, or -1.</summary>
    public static int SyslogStyle(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var j = i;
        var word = LetterRun(s, j);
        if (word is >= 3 and <= 9)
        {
            var k = j + word;
            if (k < s.Length && s[k] == ',')
                k++;
            var spaces = SpaceRun(s, k);
            if (spaces > 0 && IsOneOf(s.Slice(j, word), Weekdays))
                j = k + spaces;
        }

        var month = LetterRun(s, j);
        if (month is < 3 or > 9 || !IsOneOf(s.Slice(j, month), Months))
            return -1;
        j += month;
        var gap = SpaceRun(s, j);
        if (gap == 0)
            return -1;
        j += gap;
        var day = AddressRecognizer.DigitRun(s, j, 3);
        if (day is 0 or 3)
            return -1;
        j += day;
        if (j < s.Length && s[j] == ',')
            j++;
        gap = SpaceRun(s, j);
        if (gap == 0)
            return -1;
        j += gap;
        var time = Clock(s, j);
        if (time < 0)
            return -1;
        j = time;

        var zoneGap = SpaceRun(s, j);
        if (zoneGap > 0)
        {
            var upper = 0;
            while (j + zoneGap + upper < s.Length && char.IsAsciiLetterUpper(s[j + zoneGap + upper]))
                upper++;
            var zoneEnd = j + zoneGap + upper;
            if (upper is 3 or 4 && (zoneEnd == s.Length || char.IsWhiteSpace(s[zoneEnd])))
                j = zoneEnd;
        }

        var yearGap = SpaceRun(s, j);
        if (yearGap > 0 && AddressRecognizer.DigitRun(s, j + yearGap, 5) == 4)
        {
            var yearEnd = j + yearGap + 4;
            if (yearEnd == s.Length || char.IsWhiteSpace(s[yearEnd]) || s[yearEnd] is ',' or '.' or ';' or ')' or ']')
                j = yearEnd;
        }

        return chars.AtEnd(s, j) ? j : -1;
    }

    /// <summary>End of <c>yyyy-mm-dd[ T]hh:mm[:ss[.f]][Z|±hh[:]mm]</c> (or with <c>/</c>) at <paramref name="i"/>, or -1.</summary>
    public static int IsoStyle(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        if (AddressRecognizer.DigitRun(s, i, 5) != 4)
            return -1;
        var j = i + 4;
        for (var part = 0; part < 2; part++)
        {
            if (j >= s.Length || s[j] is not ('-' or '/'))
                return -1;
            var run = AddressRecognizer.DigitRun(s, j + 1, 3);
            if (run is 0 or 3)
                return -1;
            j += 1 + run;
        }

        if (j >= s.Length || s[j] is not (' ' or 'T'))
            return -1;
        var hours = AddressRecognizer.DigitRun(s, j + 1, 3);
        if (hours is 0 or 3)
            return -1;
        j += 1 + hours;
        if (!TwoDigitsAfterColon(s, j))
            return -1;
        j += 3;
        if (TwoDigitsAfterColon(s, j))
        {
            j += 3;
            if (j + 1 < s.Length && s[j] is '.' or ',' && TemplateChars.IsDigit(s[j + 1]))
                j += 1 + AddressRecognizer.DigitRun(s, j + 1, int.MaxValue);
        }

        if (j < s.Length && s[j] == 'Z')
        {
            j++;
        }
        else if (j + 2 < s.Length && s[j] is '+' or '-' && TemplateChars.IsDigit(s[j + 1]) && TemplateChars.IsDigit(s[j + 2]))
        {
            var k = j + 3;
            if (k < s.Length && s[k] == ':')
            {
                if (AddressRecognizer.DigitRun(s, k + 1, 2) == 2)
                    j = k + 3;
            }
            else if (AddressRecognizer.DigitRun(s, k, 2) == 2)
            {
                j = k + 2;
            }
        }

        return chars.AtEnd(s, j) ? j : -1;
    }

    /// <summary>End of the common log format's <c>dd/Mon/yyyy:hh:mm:ss</c> (Apache, nginx) at <paramref name="i"/>, or -1.</summary>
    public static int CommonLogStyle(ReadOnlySpan<char> s, int i, TemplateChars chars)
    {
        var day = AddressRecognizer.DigitRun(s, i, 3);
        var j = i + day;
        if (day is 0 or 3 || j >= s.Length || s[j] != '/' || LetterRun(s, j + 1) != 3 || !IsOneOf(s.Slice(j + 1, 3), Months))
            return -1;
        j += 4;
        if (j >= s.Length || s[j] != '/' || AddressRecognizer.DigitRun(s, j + 1, 5) != 4 || j + 5 >= s.Length || s[j + 5] != ':')
            return -1;
        var time = Clock(s, j + 6);
        return time > 0 && chars.AtEnd(s, time) ? time : -1;
    }

    /// <summary>End of <c>h:mm:ss[.f]</c> or <c>hh:mm:ss[,f]</c> at <paramref name="j"/>, or -1.</summary>
    private static int Clock(ReadOnlySpan<char> s, int j)
    {
        var hours = AddressRecognizer.DigitRun(s, j, 3);
        if (hours is 0 or 3)
            return -1;
        j += hours;
        if (!TwoDigitsAfterColon(s, j) || !TwoDigitsAfterColon(s, j + 3))
            return -1;
        j += 6;
        if (j + 1 < s.Length && s[j] is '.' or ',' && TemplateChars.IsDigit(s[j + 1]))
            j += 1 + AddressRecognizer.DigitRun(s, j + 1, int.MaxValue);
        return j;
    }

    /// <summary><c>:dd</c> at <paramref name="j"/> (exactly two digits: <c>\d{2}</c> takes two, whatever follows).</summary>
    private static bool TwoDigitsAfterColon(ReadOnlySpan<char> s, int j) =>
        j + 2 < s.Length && s[j] == ':' && TemplateChars.IsDigit(s[j + 1]) && TemplateChars.IsDigit(s[j + 2]);

    private static int LetterRun(ReadOnlySpan<char> s, int i)
    {
        var k = i;
        while (k < s.Length && char.IsAsciiLetter(s[k]))
            k++;
        return k - i;
    }

    private static int SpaceRun(ReadOnlySpan<char> s, int i)
    {
        var k = i;
        while (k < s.Length && char.IsWhiteSpace(s[k]))
            k++;
        return k - i;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] names)
    {
        foreach (var name in names)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
