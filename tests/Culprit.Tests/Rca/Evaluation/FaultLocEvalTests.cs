using System.Text.Json;
using Culprit.Tests.Support;
using LibGit2Sharp;

namespace Culprit.Tests.Rca.Evaluation;

/// <summary><c>culprit eval faultloc</c> on a manifest of two small cases of our own, each a real git repository.</summary>
public sealed class FaultLocEvalTests : IDisposable
{
    private const string Validate = """
        package com.shop.util;

        public final class Validate {
            public static void notEmpty(String value) {
                if (value == null || value.isEmpty())
                    throw new IllegalArgumentException("String must not be empty");
            }
        }
        """;

    private const string Doctype = """
        package com.shop.model;

        import com.shop.util.Validate;

        public class Doctype {
            public Doctype(String name) {
                Validate.notEmpty(name);
            }
        }
        """;

    private const string Zone = """
        package com.shop.model;

        public class Zone {
            public static int offset(int hours, int minutes) {
                if (minutes < 0 || minutes > 59) {
                    throw new IllegalArgumentException("Minutes out of range: " + minutes);
                }
                return hours * 60 + minutes;
            }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("culprit-faultloc-").FullName;

    public FaultLocEvalTests()
    {
        Repo("case-guard", ("src/main/java/com/shop/util/Validate.java", Validate), ("src/main/java/com/shop/model/Doctype.java", Doctype));
        Repo("case-zone", ("src/main/java/com/shop/model/Zone.java", Zone));
        Directory.CreateDirectory(Path.Combine(_folder, "cases", "traces"));
        File.WriteAllText(Path.Combine(_folder, "cases", "traces", "case-guard.txt"), """
            java.lang.IllegalArgumentException: String must not be empty
            	at com.shop.util.Validate.notEmpty(Validate.java:6)
            	at com.shop.model.Doctype.<init>(Doctype.java:7)
            	at com.shop.model.DoctypeTest.empty(DoctypeTest.java:9)
            """);
        File.WriteAllText(Path.Combine(_folder, "cases", "traces", "case-zone.txt"), """
            java.lang.IllegalArgumentException: Minutes out of range: -15
            	at com.shop.model.Zone.offset(Zone.java:6)
            	at com.shop.model.ZoneTest.negative(ZoneTest.java:4)
            """);
        File.WriteAllText(Path.Combine(_folder, "cases", "manifest.json"), """
            {"schema_version": 1, "n_cases": 3, "cases": [
              {"id": "case-guard", "language": "java", "trace_file": "traces/case-guard.txt",
               "ground_truth": {"locations": [{"file": "src/main/java/com/shop/model/Doctype.java",
                 "methods": [{"name": "<init>", "enclosing_class": "Doctype", "start_line": 6, "end_line": 8}]}]},
               "stack_baseline": {"faulty_method_rank": 2, "faulty_file_rank": 2}},
              {"id": "case-zone", "language": "java", "trace_file": "traces/case-zone.txt",
               "ground_truth": {"locations": [{"file": "src/main/java/com/shop/model/Zone.java",
                 "methods": [{"name": "offset", "enclosing_class": "Zone", "start_line": 4, "end_line": 9}]}]},
               "stack_baseline": {"faulty_method_rank": 1, "faulty_file_rank": 1}},
              {"id": "case-absent", "language": "python", "trace_file": "traces/absent.txt",
               "ground_truth": {"locations": []}, "stack_baseline": {"faulty_method_rank": null}}
            ]}
            """);
    }

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_folder, recursive: true);
    }

    private void Repo(string id, params (string Path, string Content)[] files)
    {
        var folder = Path.Combine(_folder, "sources", id);
        Repository.Init(folder);
        using var repo = new Repository(folder);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Commands.Stage(repo, path);
        }
        var who = new Signature("eval", "eval@localhost", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        repo.Commit("buggy version", who, who);
    }

    [Fact]
    public void CountsMethodAndFileHitsPerRankBesideTheBaselineForTheCasesWhoseSourceIsPresent()
    {
        var (code, stdout, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "cases", "manifest.json"),
            "--sources", Path.Combine(_folder, "sources"), "--json");
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var totals = root.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("n").GetInt32());
        Assert.Equal(2, totals.GetProperty("method").GetProperty("top1").GetInt32());
        Assert.Equal(2, totals.GetProperty("file").GetProperty("top1").GetInt32());
        Assert.Equal(1, totals.GetProperty("baseline_method").GetProperty("top1").GetInt32());
        Assert.Equal(2, totals.GetProperty("baseline_method").GetProperty("top3").GetInt32());
        var guard = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "case-guard");
        Assert.Equal(1, guard.GetProperty("method_rank").GetInt32());
        var first = guard.GetProperty("candidates")[0];
        Assert.Equal("com.shop.model.Doctype.<init>", first.GetProperty("symbol").GetString());
        Assert.Equal((6, 8), (first.GetProperty("start_line").GetInt32(), first.GetProperty("end_line").GetInt32()));
        Assert.Contains("case-guard: method rank 1, file rank 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTextOutputIsATableAndBadArgumentsAreUsageErrors()
    {
        var (code, stdout, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "cases", "manifest.json"), "--sources", Path.Combine(_folder, "sources"));
        Assert.True(code == 0, stderr);
        Assert.Contains("method (culprit)             2       2       2", stdout, StringComparison.Ordinal);
        Assert.Contains("method (stack only)          1       2       2", stdout, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "missing.json"), "--sources", _folder);
        Assert.Equal(2, code);
        Assert.Contains("--cases:", stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{\"nothing\": 1}");
        (code, _, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "bad.json"), "--sources", _folder);
        Assert.Equal(2, code);
        Assert.Contains("no \"cases\" array", stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{\"cases\": [{\"id\": \"x\"}]}");
        (code, _, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "bad.json"), "--sources", _folder);
        Assert.Equal(2, code);
        Assert.Contains("a case lacks a field", stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "bad.json"), "{not json");
        (code, _, stderr) = CliRunner.Run("eval", "faultloc", "--cases", Path.Combine(_folder, "bad.json"), "--sources", _folder);
        Assert.Equal(2, code);
        Assert.Contains("not JSON", stderr, StringComparison.Ordinal);
    }
}
