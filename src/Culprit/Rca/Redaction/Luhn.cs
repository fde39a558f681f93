namespace Culprit.Rca.Redaction;

/// <summary>The Luhn checksum of card numbers, so that order ids and timestamps of the same length stay readable.</summary>
internal static class Luhn
{
    /// <summary>True for 13 to 19 digits (spaces and dashes ignored) whose Luhn sum is a multiple of 10.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var sum = 0;
        var digits = 0;
        var doubled = false;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '-')
                continue;
            if (c is < '0' or > '9')
                return false;
            var d = c - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }

            sum += d;
            digits++;
            doubled = !doubled;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }
}
