using System.Text;

namespace Culprit.Cli.Output;

/// <summary>RFC 4180 CSV: a field holding a comma, a quote or a line break is quoted, quotes doubled; records end with CRLF.</summary>
public static class Csv
{
    public static void WriteRow(TextWriter w, params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                w.Write(',');
            WriteField(w, fields[i]);
        }

        w.Write("\r\n");
    }

    public static void WriteField(TextWriter w, string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            w.Write(field);
            return;
        }

        w.Write('"');
        w.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }

    /// <summary>Reads every record; quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record.</summary>
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                    field.Append(ch);
                else if (reader.Peek() == '"')
                    field.Append((char)reader.Read());
                else
                    quoted = false;
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
                any = false;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        if (any)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }

    /// <summary>The records after the header as dictionaries keyed by the header's column names.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadWithHeader(TextReader reader)
    {
        List<string>? header = null;
        foreach (var record in Read(reader))
        {
            if (header is null)
            {
                header = record;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < record.Count; i++)
                row[header[i]] = record[i];
            yield return row;
        }
    }
}
