using System.Globalization;
using Culprit.Model;
using Culprit.Rca;

namespace Culprit.Cli.Output;

/// <summary>The code and root-cause card of an incident, as text (table output) or Markdown.</summary>
public static class ExplanationText
{
    /// <summary>Own-code frames shown per incident; the rest are counted.</summary>
    public const int MaxFrames = 8;

    public static void Write(TextWriter w, Incident incident, IncidentExplanation x, bool markdown)
    {
        var h = markdown ? "### " : "── ";
        w.WriteLine();
        w.WriteLine($"{h}{incident.Id} · {incident.Title} ({incident.Count.ToString(CultureInfo.InvariantCulture)}×)");
        if (markdown)
            w.WriteLine();
        var commit = x.Commit is null ? "unknown commit" : $"commit {x.Commit[..Math.Min(12, x.Commit.Length)]}";
        w.WriteLine($"{Bullet(markdown)}code at {commit}{(x.Input.Version is { } v ? $" (version {v})" : "")}");
        var culprit = ExplanationJson.Culprit(x);
        if (culprit is not null)
        {
            w.WriteLine($"{Bullet(markdown)}culprit: {culprit.Symbol} in {culprit.File}, lines {culprit.StartLine}-{culprit.EndLine}");
            WriteCode(w, culprit, x.Report?.LikelyRootCause.LineRange, markdown);
        }
        var frames = x.Candidates?.Frames ?? [];
        var own = frames.Where(f => f.Resolution.RepoPath is not null).Take(MaxFrames).ToList();
        if (own.Count > 0)
        {
            w.WriteLine($"{Bullet(markdown)}frames in the repository:");
            foreach (var f in own)
            {
                var symbol = f.Resolution.Symbol is { } s ? $"{s.QualifiedName} {s.StartLine}-{s.EndLine}" : f.Resolution.Note ?? "";
                w.WriteLine($"{Indent(markdown)}{f.Frame.Function}:{f.Frame.Line} → {f.Resolution.RepoPath} ({symbol})");
            }
        }
        var unresolved = frames.Count(f => f.Resolution.RepoPath is null);
        if (unresolved > 0)
            w.WriteLine($"{Bullet(markdown)}{unresolved} frame(s) outside the repository (libraries, runtime)");
        if (x.Input.SuspectChanges.Count > 0)
        {
            var since = x.PreviousCommit is null ? "" : $" since {x.PreviousCommit[..Math.Min(12, x.PreviousCommit.Length)]}";
            w.WriteLine($"{Bullet(markdown)}suspect changes{since}:");
            foreach (var s in x.Input.SuspectChanges)
                w.WriteLine($"{Indent(markdown)}{s.Sha[..Math.Min(10, s.Sha.Length)]} {s.Author} {s.When.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} \"{s.Summary}\" — {s.Symbol}, lines {string.Join(", ", s.ChangedLines)}");
        }
        else if (x.PreviousCommit is not null)
        {
            w.WriteLine($"{Bullet(markdown)}no change since {x.PreviousCommit[..Math.Min(12, x.PreviousCommit.Length)]} touched the functions on the stack or their callees");
        }
        if (x.Report is { } report)
            WriteReport(w, report, markdown);
        foreach (var note in x.Notes)
            w.WriteLine($"{Bullet(markdown)}note: {note}");
    }

    public static void WriteReport(TextWriter w, RcaReport report, bool markdown)
    {
        var cause = report.LikelyRootCause;
        var lines = cause.LineRange.Count == 2 ? $" lines {cause.LineRange[0]}-{cause.LineRange[1]}" : "";
        w.WriteLine($"{Bullet(markdown)}root cause ({report.Engine}, confidence {cause.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}): {(cause.Symbol.Length > 0 ? cause.Symbol : "not found")}{(cause.FilePath.Length > 0 ? $" in {cause.FilePath}" : "")}{lines}");
        w.WriteLine($"{Indent(markdown)}{cause.Reasoning}");
        if (report.FallbackReason is { } reason)
            w.WriteLine($"{Indent(markdown)}(LLM answer not used: {reason})");
        if (report.InvolvedParameters.Count > 0)
        {
            w.WriteLine($"{Bullet(markdown)}parameters:");
            foreach (var p in report.InvolvedParameters)
                w.WriteLine($"{Indent(markdown)}{p.Name} = {p.Value} — {p.WhyRelevant}");
        }
        if (report.SupportingEvidence.Count > 0)
        {
            w.WriteLine($"{Bullet(markdown)}evidence:");
            foreach (var e in report.SupportingEvidence)
                w.WriteLine($"{Indent(markdown)}{e}");
        }
        if (report.FixSuggestions.Count > 0)
        {
            w.WriteLine($"{Bullet(markdown)}fix:");
            foreach (var f in report.FixSuggestions)
                w.WriteLine($"{Indent(markdown)}{f}");
        }
        if (report.TestsToAdd.Count > 0)
        {
            w.WriteLine($"{Bullet(markdown)}tests to add:");
            foreach (var t in report.TestsToAdd)
                w.WriteLine($"{Indent(markdown)}{t}");
        }
    }

    private static void WriteCode(TextWriter w, RcaCandidate c, IReadOnlyList<int>? range, bool markdown)
    {
        var lines = c.Code.Split('\n');
        var (from, to) = Window(c, lines.Length);
        if (markdown)
            w.WriteLine("\n```");
        for (var i = from; i <= to; i++)
        {
            var number = c.CodeStartLine + i;
            var failing = number == c.FailingLine || range is { Count: 2 } r && number >= r[0] && number <= r[1];
            w.WriteLine($"{(markdown ? "" : "     ")}{(failing ? ">" : " ")} {number,5} | {lines[i]}");
        }
        if (markdown)
            w.WriteLine("```\n");
    }

    /// <summary>At most 15 lines of the function, around the failing line.</summary>
    private static (int From, int To) Window(RcaCandidate c, int count)
    {
        const int max = 15;
        if (count <= max)
            return (0, count - 1);
        var centre = c.FailingLine is int f ? f - c.CodeStartLine : 0;
        var from = Math.Clamp(centre - max / 2, 0, count - max);
        return (from, from + max - 1);
    }

    private static string Bullet(bool markdown) => markdown ? "- " : "   ";

    private static string Indent(bool markdown) => markdown ? "  - " : "      ";
}
