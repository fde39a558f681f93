using System.Text;
using System.Text.RegularExpressions;

namespace Culprit.Parsing.Templates;

/// <summary>
/// A header layout in loghub's placeholder syntax, for logs the header parser does not read:
/// <c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; &lt;Component&gt;: &lt;Content&gt;</c>. Each <c>&lt;Name&gt;</c> matches as
/// little text as it can; the text between placeholders is a regular-expression fragment (as in loghub:
/// <c>\[&lt;Pid&gt;\]</c>, optional groups allowed) in which each run of spaces matches any whitespace; the
/// pattern must match the whole line (trimmed). <c>&lt;Content&gt;</c> is the message.
/// </summary>
public sealed class LineFormat
{
    private static readonly Regex Placeholder = new("<([A-Za-z_][A-Za-z0-9_]*)>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Spaces = new(" +", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly Regex _regex;
    private readonly int _content;

    private LineFormat(Regex regex, IReadOnlyList<string> fields)
    {
        _regex = regex;
        Fields = fields;
        _content = regex.GroupNumberFromName("Content");
    }

    /// <summary>The placeholder names, in order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Compiles <paramref name="format"/>; false with the reason when it is not a usable format.</summary>
    public static bool TryParse(string format, out LineFormat? lineFormat, out string? error)
    {
        lineFormat = null;
        error = null;
        var pattern = new StringBuilder("^");
        var fields = new List<string>();
        var at = 0;
        foreach (Match m in Placeholder.Matches(format))
        {
            pattern.Append(Spaces.Replace(format[at..m.Index], "\\s+"));
            var name = m.Groups[1].Value;
            if (fields.Contains(name, StringComparer.Ordinal))
            {
                error = $"placeholder <{name}> appears twice";
                return false;
            }

            fields.Add(name);
            pattern.Append("(?<").Append(name).Append(">.*?)");
            at = m.Index + m.Length;
        }

        pattern.Append(Spaces.Replace(format[at..], "\\s+")).Append('$');
        if (!fields.Contains("Content", StringComparer.Ordinal))
        {
            error = "the format has no <Content> placeholder";
            return false;
        }

        try
        {
            var regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromMilliseconds(200));
            lineFormat = new LineFormat(regex, fields);
            return true;
        }
        catch (ArgumentException e)
        {
            error = $"the text between placeholders is not a valid regular expression ({e.Message}); escape [ ] ( ) . * + ? with \\";
            return false;
        }
    }

    /// <summary>The message of <paramref name="line"/>; false when the line does not have this layout.</summary>
    public bool TryGetContent(string line, out string content)
    {
        content = "";
        try
        {
            var m = _regex.Match(line.Trim());
            if (!m.Success)
                return false;
            content = m.Groups[_content].Value;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Every field of <paramref name="line"/> by placeholder name; null when the line does not have this layout.</summary>
    public IReadOnlyDictionary<string, string>? Read(string line)
    {
        try
        {
            var m = _regex.Match(line.Trim());
            if (!m.Success)
                return null;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in Fields)
                fields[name] = m.Groups[name].Value;
            return fields;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
