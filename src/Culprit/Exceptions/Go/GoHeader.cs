namespace Culprit.Exceptions;

/// <summary>
/// Recognises the line that starts a Go crash: <c>panic: VALUE</c> (with <c> [recovered]</c> dropped),
/// <c>fatal error: MESSAGE</c>, or net/http's <c>http: panic serving ADDR: VALUE</c> after a log prefix.
/// </summary>
internal static class GoHeader
{
    private const string Panic = "panic: ";
    private const string FatalError = "fatal error: ";
    private const string PanicServing = "http: panic serving ";

    public static bool TryRead(string line, out string type, out string message)
    {
        type = "panic";
        message = "";
        var s = line.AsSpan().TrimStart();
        if (s.IsEmpty)
            return false;

        if (s[0] == 'p' && s.StartsWith(Panic, StringComparison.Ordinal))
        {
            message = WithoutRecovered(s[Panic.Length..]).ToString();
            return true;
        }

        if (s[0] == 'f' && s.StartsWith(FatalError, StringComparison.Ordinal))
        {
            type = "fatal error";
            message = s[FatalError.Length..].ToString();
            return true;
        }

        var serving = s.IndexOf(PanicServing, StringComparison.Ordinal);
        if (serving < 0 || (serving > 0 && s[serving - 1] != ' '))
            return false;

        // The address holds colons ("[::1]:54143") but never ": ".
        var rest = s[(serving + PanicServing.Length)..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        message = WithoutRecovered(rest[(colon + 2)..]).ToString();
        return true;
    }

    /// <summary>Go marks a panic that was recovered and re-raised with <c> [recovered]</c> (newer: <c> [recovered, repanicked]</c>).</summary>
    private static ReadOnlySpan<char> WithoutRecovered(ReadOnlySpan<char> value)
    {
        var trimmed = value.TrimEnd();
        if (!trimmed.EndsWith(']'))
            return value;
        var mark = trimmed.LastIndexOf(" [recovered", StringComparison.Ordinal);
        return mark >= 0 ? trimmed[..mark] : value;
    }
}
