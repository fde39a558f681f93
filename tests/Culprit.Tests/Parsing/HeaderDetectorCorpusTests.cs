using System.Text.Json.Nodes;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

/// <summary>
/// The framer must never split a trace: over the whole stack-trace corpus, no line after the first line of
/// an expected exception, up to its last line, may be taken for the start of a new entry.
/// </summary>
public sealed class HeaderDetectorCorpusTests
{
    public static TheoryData<string> Runtimes()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(SharedData.Path("stacktraces", "cases")).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(folder));
        return data;
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public void NoTraceLineStartsAnEntry(string runtime)
    {
        var folder = SharedData.Path("stacktraces", "cases", runtime);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!;
        var problems = new List<string>();
        foreach (var item in manifest["cases"]!.AsArray())
        {
            var file = item!["file"]!.GetValue<string>();
            var lines = File.ReadAllLines(Path.Combine(folder, file));
            foreach (var exception in item["exceptions"]!.AsArray())
            {
                var first = exception!["first_line"]!.GetValue<int>();
                var last = exception["last_line"]!.GetValue<int>();
                for (var number = first + 1; number <= last && number <= lines.Length; number++)
                {
                    if (HeaderDetector.IsEntryStart(lines[number - 1]))
                        problems.Add($"{file}:{number}: {lines[number - 1]}");
                }
            }
        }

        Assert.True(problems.Count == 0, "trace lines taken for headers:\n" + string.Join('\n', problems));
    }
}
