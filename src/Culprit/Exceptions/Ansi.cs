using System.Text;

namespace Culprit.Exceptions;

/// <summary>Removes ANSI escape sequences (colours, cursor moves) that consoles add to traces.</summary>
public static class Ansi
{
    public static string Strip(string line)
    {
        var escape = line.IndexOf('\u001b', StringComparison.Ordinal);
        if (escape < 0)
            return line;

        var sb = new StringBuilder(line.Length);
        sb.Append(line, 0, escape);
        var i = escape;
        while (i < line.Length)
        {
            var c = line[i];
            if (c != '\u001b')
            {
                sb.Append(c);
                i++;
                continue;
            }

            i++;
            if (i < line.Length && line[i] == '[')
            {
                // CSI: parameters and intermediates, then one final byte in @..~
                i++;
                while (i < line.Length && (line[i] < '@' || line[i] > '~'))
                    i++;
                i++;
            }
            else if (i < line.Length)
            {
                i++;
            }
        }

        return sb.ToString();
    }
}
