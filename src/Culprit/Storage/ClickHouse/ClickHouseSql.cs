using System.Buffers;
using System.Globalization;
using System.Text;

namespace Culprit.Storage.ClickHouse;

/// <summary>
/// Literals and identifiers for ClickHouse SQL. Server-side query parameters (<c>{name:Type}</c>) arrived in
/// 19.x, after Debian's 18.16, so values are written into the query as literals — always through here.
/// </summary>
public static class ClickHouseSql
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\\'\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

    /// <summary>
    /// A string literal in single quotes: backslash and quote are escaped, control characters become C escapes
    /// or <c>\xHH</c>, everything else (any Unicode) is kept as is, since the query is sent as UTF-8.
    /// </summary>
    public static string Quote(string value)
    {
        var span = value.AsSpan();
        var first = span.IndexOfAny(NeedsEscape);
        if (first < 0)
            return string.Concat("'", value, "'");
        var builder = new StringBuilder(value.Length + 16);
        builder.Append('\'').Append(span[..first]);
        for (var i = first; i < span.Length; i++)
        {
            var c = span[i];
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\'': builder.Append(@"\'"); break;
                case '\0': builder.Append(@"\0"); break;
                case '\b': builder.Append(@"\b"); break;
                case '\t': builder.Append(@"\t"); break;
                case '\n': builder.Append(@"\n"); break;
                case '\f': builder.Append(@"\f"); break;
                case '\r': builder.Append(@"\r"); break;
                default:
                    if (c < ' ' || c == '\u007f')
                        builder.Append(@"\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>A database, table or column name: letters, digits and underscores, not starting with a digit; quoted with backticks.</summary>
    /// <exception cref="ArgumentException">The name has other characters (names come from configuration, never from log data).</exception>
    public static string Identifier(string name)
    {
        if (!IsPlainName(name))
            throw new ArgumentException($"'{name}' is not a usable ClickHouse name: use letters, digits and underscores, not starting with a digit.", nameof(name));
        return "`" + name + "`";
    }

    public static bool IsPlainName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200 || char.IsAsciiDigit(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                return false;
        }

        return true;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
