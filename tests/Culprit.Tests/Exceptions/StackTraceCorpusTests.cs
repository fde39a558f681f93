using System.Text.Json;
using System.Text.Json.Nodes;
using Culprit.Tests.Support;

namespace Culprit.Tests.Exceptions;

/// <summary>
/// Every case of <c>../shared/data/stacktraces</c> must parse exactly as its manifest says, through the same
/// code path as <c>culprit exceptions --json</c>. Mismatches are reported field by field.
/// </summary>
public sealed class StackTraceCorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var manifest in Directory.GetFiles(SharedData.Path("stacktraces", "cases"), "expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var runtime = Path.GetFileName(Path.GetDirectoryName(manifest)!);
            var root = JsonNode.Parse(File.ReadAllText(manifest))!;
            foreach (var c in root["cases"]!.AsArray())
                data.Add(runtime, c!["file"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseParsesAsManifestSays(string runtime, string file)
    {
        var folder = SharedData.Path("stacktraces", "cases", runtime);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")))!;
        var expected = manifest["cases"]!.AsArray().Single(c => c!["file"]!.GetValue<string>() == file)!;

        var (code, stdout, stderr) = CliRunner.Run("exceptions", Path.Combine(folder, file), "--json");
        Assert.True(code == 0, $"exit {code}: {stderr}");
        var actual = JsonNode.Parse(stdout)!["exceptions"]!.AsArray();

        var mismatches = new List<string>();
        var wanted = expected["exceptions"]!.AsArray();
        if (actual.Count != wanted.Count)
            mismatches.Add($"exception count: expected {wanted.Count}, got {actual.Count} ({Summary(actual)})");
        for (var i = 0; i < Math.Min(actual.Count, wanted.Count); i++)
            CompareException($"exceptions[{i}]", wanted[i]!, actual[i]!, mismatches, topLevel: true);

        Assert.True(mismatches.Count == 0, $"{runtime}/{file}:\n  " + string.Join("\n  ", mismatches.Take(40)));
    }

    private static string Summary(JsonArray actual) =>
        string.Join(", ", actual.Select(e => $"{e!["type"]}@{e["first_line"]}-{e["last_line"]}"));

    private static void CompareException(string path, JsonNode want, JsonNode got, List<string> mismatches, bool topLevel)
    {
        if (topLevel || want["first_line"] is not null)
        {
            CompareValue(path + ".first_line", want["first_line"], got["first_line"], mismatches);
            CompareValue(path + ".last_line", want["last_line"], got["last_line"], mismatches);
        }

        foreach (var key in new[] { "type", "message", "frames_omitted" })
            CompareValue($"{path}.{key}", want[key], got[key], mismatches);
        if (want["relation"] is not null)
            CompareValue(path + ".relation", want["relation"], got["relation"], mismatches);
        foreach (var key in new[] { "thread" })
            CompareValue($"{path}.{key}", want[key], got[key], mismatches);
        CompareLocation(path + ".location", want["location"], got["location"], mismatches);
        if (want["truncated"] is not null || got["truncated"] is not null)
            CompareValue(path + ".truncated", want["truncated"], got["truncated"], mismatches);

        CompareFrames(path + ".frames", want["frames"]?.AsArray() ?? [], got["frames"]?.AsArray() ?? [], mismatches);
        CompareLinks(path + ".causes", want["causes"]?.AsArray() ?? [], got["causes"]?.AsArray() ?? [], mismatches);
        CompareLinks(path + ".suppressed", want["suppressed"]?.AsArray() ?? [], got["suppressed"]?.AsArray() ?? [], mismatches);

        var wantGroup = want["group"]?.AsArray() ?? [];
        var gotGroup = got["group"]?.AsArray() ?? [];
        if (wantGroup.Count != gotGroup.Count)
            mismatches.Add($"{path}.group count: expected {wantGroup.Count}, got {gotGroup.Count}");
        for (var i = 0; i < Math.Min(wantGroup.Count, gotGroup.Count); i++)
            CompareException($"{path}.group[{i}]", wantGroup[i]!, gotGroup[i]!, mismatches, topLevel: false);

        var wantG = want["goroutines"]?.AsArray() ?? [];
        var gotG = got["goroutines"]?.AsArray() ?? [];
        if (wantG.Count != gotG.Count)
            mismatches.Add($"{path}.goroutines count: expected {wantG.Count}, got {gotG.Count}");
        for (var i = 0; i < Math.Min(wantG.Count, gotG.Count); i++)
        {
            var p = $"{path}.goroutines[{i}]";
            CompareValue(p + ".id", wantG[i]!["id"], gotG[i]!["id"], mismatches);
            CompareValue(p + ".state", wantG[i]!["state"], gotG[i]!["state"], mismatches);
            CompareFrames(p + ".frames", wantG[i]!["frames"]!.AsArray(), gotG[i]!["frames"]?.AsArray() ?? [], mismatches);
            var wantCreated = wantG[i]!["created_by"];
            var gotCreated = gotG[i]!["created_by"];
            if (wantCreated is null != (gotCreated is null))
                mismatches.Add($"{p}.created_by: expected {wantCreated?.ToJsonString() ?? "null"}, got {gotCreated?.ToJsonString() ?? "null"}");
            else if (wantCreated is not null)
                CompareFrame(p + ".created_by", wantCreated, gotCreated!, mismatches);
        }
    }

    private static void CompareLinks(string path, JsonArray want, JsonArray got, List<string> mismatches)
    {
        if (want.Count != got.Count)
            mismatches.Add($"{path} count: expected {want.Count}, got {got.Count} ({string.Join(", ", got.Select(g => g!["type"]?.ToString()))})");
        for (var i = 0; i < Math.Min(want.Count, got.Count); i++)
            CompareException($"{path}[{i}]", want[i]!, got[i]!, mismatches, topLevel: false);
    }

    private static void CompareFrames(string path, JsonArray want, JsonArray got, List<string> mismatches)
    {
        if (want.Count != got.Count)
            mismatches.Add($"{path} count: expected {want.Count}, got {got.Count}");
        for (var i = 0; i < Math.Min(want.Count, got.Count); i++)
            CompareFrame($"{path}[{i}]", want[i]!, got[i]!, mismatches);
    }

    private static void CompareFrame(string path, JsonNode want, JsonNode got, List<string> mismatches)
    {
        foreach (var key in new[] { "function", "module", "file", "line", "column" })
            CompareValue($"{path}.{key}", want[key], got[key], mismatches);
    }

    private static void CompareLocation(string path, JsonNode? want, JsonNode? got, List<string> mismatches)
    {
        if (want is null && got is null)
            return;
        if (want is null || got is null)
        {
            mismatches.Add($"{path}: expected {want?.ToJsonString() ?? "none"}, got {got?.ToJsonString() ?? "none"}");
            return;
        }

        CompareValue(path + ".file", want["file"], got["file"], mismatches);
        CompareValue(path + ".line", want["line"], got["line"], mismatches);
        CompareValue(path + ".column", want["column"], got["column"], mismatches);
    }

    private static void CompareValue(string path, JsonNode? want, JsonNode? got, List<string> mismatches)
    {
        var w = want?.ToJsonString() ?? "null";
        var g = got?.ToJsonString() ?? "null";
        if (w != g)
            mismatches.Add($"{path}: expected {w}, got {g}");
    }
}
