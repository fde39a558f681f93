using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Culprit.Parsing.Templates;

namespace Culprit.Bench;

/// <summary>
/// The template miner on message content: the twelve loghub-2k systems' messages (header taken off with each
/// system's log_format) concatenated <see cref="Copies"/> times, 1.2 M lines. Per-line figures: each
/// benchmark mines every line once (OperationsPerInvoke is the line count).
/// Data: ../shared/data/loghub-2k next to the repository, or CULPRIT_SHARED_DATA.
/// </summary>
[MemoryDiagnoser]
public class TemplateMinerBenchmarks
{
    private const int Copies = 50;
    private const int Lines = 24_000 * Copies;

    private string[] _messages = [];
    private TemplateMiner _trained = new();
    private readonly TokenBuffer _tokens = new();
    private readonly TemplateTokenizer _tokenizer = new();

    [GlobalSetup]
    public void Setup()
    {
        var one = LoadMessages();
        _messages = [.. Enumerable.Range(0, Copies).SelectMany(_ => one)];
        _trained = new TemplateMiner();
        foreach (var m in one)
            _trained.Mine(m);
    }

    /// <summary>Tokenizing alone (the type-aware first pass).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int Tokenize()
    {
        var n = 0;
        foreach (var m in _messages)
        {
            _tokenizer.Tokenize(m, _tokens);
            n += _tokens.Count;
        }

        return n;
    }

    /// <summary>A new miner over all lines: discovers every template on the first copy, then runs on known shapes.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineFromScratch()
    {
        var miner = new TemplateMiner();
        var n = 0;
        foreach (var m in _messages)
            n += miner.Mine(m).ParameterCount;
        return n;
    }

    /// <summary>A miner that has seen the messages once: the steady state of a long-running service.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public int MineKnownShapes()
    {
        var n = 0;
        foreach (var m in _messages)
            n += _trained.Mine(m).ParameterCount;
        return n;
    }

    /// <summary>As <see cref="MineKnownShapes"/>, and every parameter copied out with its type.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int MineWithParameters()
    {
        var n = 0;
        foreach (var m in _messages)
            n += _trained.Mine(m).Parameters().Length;
        return n;
    }

    /// <summary>The messages of every system in the loghub-2k folder, in file order.</summary>
    public static List<string> LoadMessages()
    {
        var folder = Path.Combine(SharedDataRoot(), "loghub-2k");
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "datasets.json")));
        var messages = new List<string>();
        foreach (var system in manifest.RootElement.GetProperty("systems").EnumerateArray())
        {
            if (!LineFormat.TryParse(system.GetProperty("log_format").GetString()!, out var format, out var error))
                throw new InvalidOperationException(error);
            var raw = system.GetProperty("files").GetProperty("raw_log").GetProperty("file").GetString()!;
            foreach (var line in File.ReadLines(Path.Combine(folder, raw)))
                messages.Add(format!.TryGetContent(line, out var content) ? content : line);
        }

        return messages;
    }

    private static string SharedDataRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CULPRIT_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
                return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "Culprit.slnx")) && Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }

        throw new DirectoryNotFoundException("../shared/data not found next to the repository; set CULPRIT_SHARED_DATA");
    }
}
