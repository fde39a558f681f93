using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>
/// PHP's error_log labels: <c>PHP Fatal error:  …</c>, <c>PHP Warning:  …</c>. <c>PHP Stack trace:</c> and
/// <c>PHP   1. {main}()</c> are lines of a trace, not labels.
/// </summary>
internal static class PhpLabels
{
    private static readonly (string Label, LogLevel Level)[] Labels =
    [
        ("Fatal error:", LogLevel.Fatal),
        ("Parse error:", LogLevel.Fatal),
        ("Core error:", LogLevel.Fatal),
        ("Compile error:", LogLevel.Fatal),
        ("Catchable fatal error:", LogLevel.Error),
        ("Recoverable fatal error:", LogLevel.Error),
        ("Warning:", LogLevel.Warn),
        ("Core warning:", LogLevel.Warn),
        ("Compile warning:", LogLevel.Warn),
        ("Notice:", LogLevel.Info),
        ("Deprecated:", LogLevel.Info),
        ("Strict Standards:", LogLevel.Info),
    ];

    /// <summary>Reads <c>PHP Label:</c> at <paramref name="p"/>; returns the position of the message after it, or -1.</summary>
    public static int Read(ReadOnlySpan<char> s, int p, out LogLevel level)
    {
        level = LogLevel.Unknown;
        if (!s[p..].StartsWith("PHP ", StringComparison.Ordinal))
            return -1;
        var rest = s[(p + 4)..];
        foreach (var (label, labelLevel) in Labels)
        {
            if (rest.StartsWith(label, StringComparison.Ordinal))
            {
                level = labelLevel;
                return HeaderText.SkipBlanks(s, p + 4 + label.Length);
            }
        }

        return -1;
    }
}
