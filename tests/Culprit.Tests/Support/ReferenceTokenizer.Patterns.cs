using System.Text.RegularExpressions;

namespace Culprit.Tests.Support;

/// <summary>The regular expressions of <see cref="ReferenceTokenizer"/>.</summary>
public static partial class ReferenceTokenizer
{
    [GeneratedRegex(@"\G[A-Za-z][A-Za-z0-9+.\-]{0,15}://")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"\G(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}(?::[0-9]{1,5})?")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"\G[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*")]
    private static partial Regex Host();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\G[0-9]{1,2}/([A-Za-z]{3})/[0-9]{4}:[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]+)?")]
    private static partial Regex CommonLogPattern();

    [GeneratedRegex(@"\G\]:[0-9]{1,5}")]
    private static partial Regex BracketPort();

    [GeneratedRegex(@"\G:[0-9]{1,5}")]
    private static partial Regex Port();

    [GeneratedRegex(@"\G[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,}(?:\.[0-9]+)?")]
    private static partial Regex ColonHexPattern();

    [GeneratedRegex(@"\A[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?\z")]
    private static partial Regex Clock();

    [GeneratedRegex(@"\G([A-Za-z]{3,9}),?\s+")]
    private static partial Regex WeekdayPrefix();

    [GeneratedRegex(@"\G([A-Za-z]{3,9})\s+([0-9]{1,2}),?\s+([0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]+)?)")]
    private static partial Regex MonthDayTime();

    [GeneratedRegex(@"\G\s+[A-Z]{3,4}(?=\s|\z)")]
    private static partial Regex Zone();

    [GeneratedRegex(@"\G\s+[0-9]{4}(?=\s|\z|[,.;)\]])")]
    private static partial Regex Year();

    [GeneratedRegex(@"\G[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"\G[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"\A([A-Za-z]+)([.\-])([0-9]+(?:\.[0-9]+)*[A-Za-z]*)\z")]
    private static partial Regex SplitWord();

    [GeneratedRegex("[0-9]{3}")]
    private static partial Regex ThreeDigits();

    [GeneratedRegex(@"\A[vV][0-9]+(\.[0-9]+)+[A-Za-z]*\z")]
    private static partial Regex Version();
}
