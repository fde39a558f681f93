using System.Diagnostics;
using Culprit.Cli.Output;
using Culprit.Cli.Templates;
using Culprit.Parsing.Templates;
using Culprit.Parsing.Templates.Evaluation;

namespace Culprit.Cli.Bench;

/// <summary>
/// Runs the miner on each system of a Loghub-style folder exactly as <c>culprit templates --output csv</c>
/// would (message taken off the header, mined, each line written with the final templates), scores it against
/// the structured ground truth, and times the miner alone on the messages.
/// </summary>
public sealed class TemplateBench(bool engineHeaders, int repeat, string? csvFolder)
{
    /// <summary>Messages of every system scored, in order, for the steady-state run.</summary>
    public List<string> AllMessages { get; } = [];

    /// <summary>
    /// Per system, the accuracy of grouping by normalised message (grouping v1's fallback for error lines
    /// without a trace), on the same messages: the baseline the miner has to beat to replace it.
    /// </summary>
    public List<AccuracyScores> NormalizerScores { get; } = [];

    /// <summary>Messages of each system scored, in order.</summary>
    public List<List<string>> Messages { get; } = [];

    public SystemScore Score(LoghubSystem system)
    {
        LineFormat? format = null;
        if (!engineHeaders && system.LogFormat is not null && !LineFormat.TryParse(system.LogFormat, out format, out var error))
            throw new UsageException($"{system.Name}: log_format: {error}");

        var extractor = new MessageExtractor(contentOnly: false, format);
        var messages = new List<string>();
        foreach (var line in new TemplateLines(system.RawLog).Read())
            messages.Add(extractor.Extract(line, messages.Count + 1, out _));
        AllMessages.AddRange(messages);

        var miner = new TemplateMiner();
        foreach (var m in messages)
            miner.Mine(m);
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = csvFolder is null ? null : new StreamWriter(Path.Combine(csvFolder, system.Name + "_templates.csv"));
        csv?.Write(TemplateOutput.CsvHeader + "\r\n");
        for (var i = 0; i < messages.Count; i++)
        {
            if (!miner.TryMatch(messages[i], out var match))
                continue;
            var id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            predicted[id] = match.Template.Text;
            if (csv is not null)
                TemplateOutput.WriteCsvRow(csv, i + 1, match);
        }

        var truth = ReadTruth(system.Truth);
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
            normalized[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = Culprit.Grouping.MessageNormalizer.Normalize(messages[i]);
        NormalizerScores.Add(ParsingAccuracy.Evaluate(truth, normalized));
        Messages.Add(messages);
        return new SystemScore(system.Name, ParsingAccuracy.Evaluate(truth, predicted), messages.Count, 0, extractor.Unmatched);
    }

    /// <summary>
    /// Mines every system's messages with new miners for about half a second, then pauses: the JIT's tiered
    /// compilation replaces the first, unoptimised code only after a method has run a while and a quiet spell,
    /// and timing before that measures the JIT, not the miner.
    /// </summary>
    public void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            foreach (var messages in Messages)
                ColdSpeed(messages, 1);
        }

        Thread.Sleep(250);
    }

    /// <summary>Lines per second of a new miner over <paramref name="messages"/>, best of <c>repeat</c> runs.</summary>
    public double ColdSpeed(IReadOnlyList<string> messages) => ColdSpeed(messages, repeat);

    private static double ColdSpeed(IReadOnlyList<string> messages, int runs)
    {
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            var miner = new TemplateMiner();
            foreach (var m in messages)
                miner.Mine(m);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return messages.Count / Math.Max(best, 1e-9);
    }

    /// <summary>Lines per second of one miner over <paramref name="messages"/> repeated <paramref name="copies"/> times,
    /// after warm-up passes (the JIT's tiered compilation settles during the first hundred thousand calls).</summary>
    public static double SteadySpeed(IReadOnlyList<string> messages, int copies)
    {
        var miner = new TemplateMiner();
        for (var warm = 0; warm * messages.Count < 500_000; warm++)
        {
            foreach (var m in messages)
                miner.Mine(m);
        }

        var clock = Stopwatch.StartNew();
        for (var c = 0; c < copies; c++)
        {
            foreach (var m in messages)
                miner.Mine(m);
        }

        return (double)messages.Count * copies / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
    }

    private static Dictionary<string, string> ReadTruth(string path)
    {
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        foreach (var row in Csv.ReadWithHeader(reader))
        {
            if (!row.TryGetValue("LineId", out var id) || !row.TryGetValue("EventTemplate", out var template))
                throw new UsageException($"{path}: the ground truth needs LineId and EventTemplate columns");
            truth[id.Trim()] = template;
        }

        return truth;
    }
}
