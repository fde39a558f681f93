using System.Text.Json;
using Culprit.Model;
using Culprit.Rca;

namespace Culprit.Cli.Output;

/// <summary>The <c>code</c> and <c>rca</c> members of an incident in <c>analyze --repo</c> and <c>rca</c> JSON (docs/cli.md).</summary>
public static class ExplanationJson
{
    private static readonly JsonSerializerOptions ReportOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter w, IncidentExplanation x)
    {
        w.WriteStartObject("code");
        w.WriteString("commit", x.Commit);
        w.WriteString("previous_commit", x.PreviousCommit);
        w.WriteStartArray("frames");
        foreach (var frame in x.Candidates?.Frames ?? [])
        {
            var f = frame.Frame;
            var r = frame.Resolution;
            w.WriteStartObject();
            w.WriteString("function", f.Function);
            w.WriteString("module", f.Module);
            w.WriteString("file", f.File);
            Number(w, "line", f.Line);
            w.WriteString("repo_path", r.RepoPath);
            w.WriteString("symbol", r.Symbol?.QualifiedName);
            Number(w, "symbol_start", r.Symbol?.StartLine);
            Number(w, "symbol_end", r.Symbol?.EndLine);
            if (r.Note is not null)
                w.WriteString("resolve_note", r.Note);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("culprit");
        if (Culprit(x) is { } c)
        {
            w.WriteStartObject();
            w.WriteString("file", c.File);
            w.WriteString("symbol", c.Symbol);
            w.WriteNumber("start_line", c.StartLine);
            w.WriteNumber("end_line", c.EndLine);
            Number(w, "failing_line", c.FailingLine);
            w.WriteNumber("code_start_line", c.CodeStartLine);
            w.WriteString("code", c.Code);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
        w.WriteStartArray("candidates");
        foreach (var candidate in x.Input.Candidates)
        {
            w.WriteStartObject();
            w.WriteString("file", candidate.File);
            w.WriteString("symbol", candidate.Symbol);
            w.WriteNumber("start_line", candidate.StartLine);
            w.WriteNumber("end_line", candidate.EndLine);
            w.WriteString("origin", candidate.Origin);
            w.WriteNumber("score", candidate.Score);
            w.WriteStartObject("score_breakdown");
            foreach (var (name, value) in candidate.ScoreBreakdown)
                w.WriteNumber(name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("suspect_changes");
        foreach (var s in x.Input.SuspectChanges)
        {
            w.WriteStartObject();
            w.WriteString("sha", s.Sha);
            w.WriteString("author", s.Author);
            JsonTime.Write(w, "date", s.When);
            w.WriteString("message", s.Summary);
            w.WriteString("file", s.File);
            w.WriteString("symbol", s.Symbol);
            w.WriteStartArray("changed_lines");
            foreach (var line in s.ChangedLines)
                w.WriteNumberValue(line);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in x.Notes)
            w.WriteStringValue(note);
        w.WriteEndArray();
        w.WriteEndObject();
        if (x.Report is { } report)
        {
            w.WritePropertyName("rca");
            JsonSerializer.Serialize(w, report, ReportOptions);
        }
    }

    /// <summary>The function the incident points at: the RCA's choice when there is one, else the innermost own-code frame's.</summary>
    public static RcaCandidate? Culprit(IncidentExplanation x)
    {
        if (x.Report is { LikelyRootCause: { FilePath.Length: > 0 } cause })
        {
            var chosen = x.Input.Candidates.FirstOrDefault(c => c.File == cause.FilePath && c.Symbol == cause.Symbol);
            if (chosen is not null)
                return chosen;
        }
        return x.Input.Candidates.Where(c => c.Origin == "frame").OrderBy(c => c.FrameDepth).FirstOrDefault();
    }

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
