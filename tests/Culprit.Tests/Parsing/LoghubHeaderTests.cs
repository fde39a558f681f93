using System.Text;
using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

/// <summary>
/// Real headers: every line of the loghub-2k samples in <c>../shared/data</c> whose format Culprit reads must
/// start an entry, and its level, logger, thread and message must match the ground truth of the
/// structured CSV beside it.
/// </summary>
public sealed class LoghubHeaderTests
{
    // system, the CSV column holding each field ("" when the format does not state it), and how many lines
    // are knowingly read otherwise:
    //   Linux: 8 tags that hold a space ("syslogd 1.4.1:", "-- root[2421]:") are not taken for tags;
    //   Thunderbird: 7 likewise ("- User ID: CentOS-4 …", "Kernel command line: root=…");
    //   Spark: 2 lines with a one-word logger ("INFO Remoting: Starting remoting") keep it in the message,
    //   as "ERROR Failed: timeout" must.
    [Theory]
    [InlineData("Android", "Level", "Component", "", "", 0)]
    [InlineData("Apache", "Level", "", "", "", 0)]
    [InlineData("HDFS", "Level", "Component", "", "", 0)]
    [InlineData("Hadoop", "Level", "Component", "Process", "", 0)]
    [InlineData("Linux", "", "", "", "Component", 8)]
    [InlineData("OpenSSH", "", "", "", "", 0)]
    [InlineData("Spark", "Level", "Component", "", "", 2)]
    [InlineData("Zookeeper", "Level", "", "", "", 0)]
    [InlineData("BGL", "Level", "Component", "", "", 0)]
    [InlineData("HPC", "", "", "", "", 0)]
    [InlineData("Thunderbird", "", "", "", "Component", 7)]
    [InlineData("Windows", "Level", "Component", "", "", 0)]
    public void HeadersMatchTheGroundTruth(string system, string levelColumn, string loggerColumn, string threadColumn, string serviceColumn, int knownDifferences)
    {
        var folder = SharedData.Path("loghub-2k", system);
        var lines = File.ReadAllLines(Path.Combine(folder, $"{system}_2k.log"));
        var rows = ReadCsv(Path.Combine(folder, $"{system}_2k.log_structured_corrected.csv"));
        var parser = new EntryParser(FixedTimeProvider.Midyear2024);
        var problems = new List<string>();
        var linesWithProblems = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var before = problems.Count;
            var row = rows[i];
            var entry = parser.Parse(RawEntries.From(system, lines[i]));
            var where = $"{system}:{i + 1}";
            if (!HeaderDetector.IsEntryStart(lines[i]))
                problems.Add($"{where}: not a header: {lines[i]}");
            if (entry.Timestamp is null)
                problems.Add($"{where}: no timestamp");
            Expect(problems, where, "message", row["Content"], entry.Message);
            if (levelColumn.Length > 0)
                Expect(problems, where, "level", LevelNames.Parse(row[levelColumn]).ToString(), entry.Level.ToString());
            if (loggerColumn.Length > 0)
                Expect(problems, where, "logger", row[loggerColumn], entry.Logger);
            if (threadColumn.Length > 0)
                Expect(problems, where, "thread", row[threadColumn], entry.Thread);
            if (serviceColumn.Length > 0)
                Expect(problems, where, "service", row[serviceColumn], entry.Service);
            if (problems.Count > before)
                linesWithProblems++;
        }

        Assert.True(linesWithProblems == knownDifferences, $"{linesWithProblems} lines differ, {knownDifferences} expected:\n" + string.Join('\n', problems.Take(40)));
    }

    [Fact]
    public void WindowsLevelsAreRead()
    {
        var folder = SharedData.Path("loghub-2k", "Windows");
        var lines = File.ReadAllLines(Path.Combine(folder, "Windows_2k.log"));
        var rows = ReadCsv(Path.Combine(folder, "Windows_2k.log_structured_corrected.csv"));
        var parser = new EntryParser(FixedTimeProvider.Midyear2024);
        for (var i = 0; i < lines.Length; i++)
        {
            var entry = parser.Parse(RawEntries.From("Windows", lines[i]));
            Assert.True(HeaderDetector.IsEntryStart(lines[i]), lines[i]);
            Assert.Equal(LevelNames.Parse(rows[i]["Level"]), entry.Level);
        }
    }

    private static void Expect(List<string> problems, string where, string field, string expected, string? actual)
    {
        if (!string.Equals(expected.Trim(), actual?.Trim(), StringComparison.Ordinal))
            problems.Add($"{where}: {field} expected [{expected}] got [{actual}]");
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var records = ParseCsv(File.ReadAllText(path));
        var header = records[0];
        var rows = new List<Dictionary<string, string>>();
        foreach (var record in records.Skip(1))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count && c < record.Count; c++)
                row[header[c]] = record[c];
            rows.Add(row);
        }

        return rows;
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
