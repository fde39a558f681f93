using System.Globalization;
using System.Text;

namespace Culprit.Rca.Prompts;

/// <summary>Writes the context part of the prompt (brief §4.2) from the facts, showing what the shape allows.</summary>
internal static class PromptWriter
{
    public static string Context(PromptFacts facts, PromptShape shape)
    {
        var text = new StringBuilder(4096);
        Line(text, "Incident", facts.IncidentId);
        Line(text, "Service", facts.Service);
        Line(text, "Environment", facts.Environment);
        Line(text, "Version", facts.Version);
        Line(text, "Commit", facts.Commit);
        Exceptions(text, facts, shape);
        Candidates(text, facts, shape);
        Parameters(text, facts);
        Changes(text, facts);
        if (shape.RelatedFrom < facts.RelatedLines.Count)
        {
            text.Append("\nRelated Log Lines (same trace, oldest first):\n");
            for (var i = shape.RelatedFrom; i < facts.RelatedLines.Count; i++)
                text.Append(facts.RelatedLines[i]).Append('\n');
        }

        return text.ToString();
    }

    private static void Exceptions(StringBuilder text, PromptFacts facts, PromptShape shape)
    {
        if (facts.Exceptions.Count == 0)
        {
            text.Append("\nError: ").Append(facts.Title).Append('\n');
            Line(text, "Log message", facts.Message);
            return;
        }

        text.Append("\nException:\n");
        for (var i = 0; i < facts.Exceptions.Count; i++)
        {
            var exception = facts.Exceptions[i];
            if (i == 0)
            {
                Line(text, "Type", exception.Type);
                Line(text, "Message", exception.Message);
            }
            else
            {
                text.Append("Caused by: ").Append(exception.Type ?? "(no type)").Append(": ").Append(exception.Message).Append('\n');
            }
        }

        if (facts.Frames.Count == 0)
            return;
        text.Append("Top Stack Frames (root exception, throw site first):\n");
        for (var i = 0; i < shape.FrameLimit; i++)
        {
            var frame = facts.Frames[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {frame.File ?? "?"}");
            if (frame.Line is { } line)
                text.Append(CultureInfo.InvariantCulture, $":{line}");
            text.Append(" in ").Append(frame.Function ?? "?").Append(frame.InApp ? " (own code)" : "").Append('\n');
        }

        if (shape.FrameLimit < facts.Frames.Count)
            text.Append(CultureInfo.InvariantCulture, $"({facts.Frames.Count - shape.FrameLimit} more frames not shown)\n");
    }

    private static void Candidates(StringBuilder text, PromptFacts facts, PromptShape shape)
    {
        if (facts.Candidates.Count == 0)
            return;
        text.Append("\nCode Candidates (best first):\n");
        for (var i = 0; i < facts.Candidates.Count; i++)
        {
            var c = facts.Candidates[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {c.Symbol} in {c.File} (lines {c.StartLine}-{c.EndLine}");
            if (c.FailingLine is { } failing)
                text.Append(CultureInfo.InvariantCulture, $", failing line {failing}");
            text.Append(", found as ").Append(c.Origin).Append(')');
            if (!shape.CodeShown[i])
            {
                text.Append(" [code left out to fit the prompt]\n");
                continue;
            }

            text.Append(":\n```\n");
            Code(text, c, i == 0 ? shape.TopCodeWindow : null);
            text.Append("```\n");
        }
    }

    private static void Code(StringBuilder text, PromptCandidate c, int? window)
    {
        var lines = c.Code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var center = c.FailingLine ?? c.CodeStartLine;
        for (var i = 0; i < count; i++)
        {
            var number = c.CodeStartLine + i;
            if (window is { } w && Math.Abs(number - center) > w)
                continue;
            var mark = number == c.FailingLine ? ">" : " ";
            text.Append(CultureInfo.InvariantCulture, $"{mark}{number,5} | ").Append(lines[i]).Append('\n');
        }
    }

    private static void Parameters(StringBuilder text, PromptFacts facts)
    {
        if (facts.Parameters.Count == 0)
            return;
        text.Append("\nExtracted Parameters:\n");
        foreach (var p in facts.Parameters)
        {
            text.Append("- ").Append(p.Name).Append(": \"").Append(p.Value).Append('"');
            if (p.MatchedName is not null)
                text.Append(" (matches ").Append(p.MatchedName).Append(p.MatchedSymbol is null ? "" : " of " + p.MatchedSymbol).Append(')');
            text.Append('\n');
        }
    }

    private static void Changes(StringBuilder text, PromptFacts facts)
    {
        if (facts.Changes.Count == 0)
            return;
        text.Append("\nSuspect Changes (since the previous deploy):\n");
        foreach (var c in facts.Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {c.Sha} {c.Day:yyyy-MM-dd} \"{c.Summary}\": {c.Symbol} in {c.File}");
            if (c.ChangedLines.Count > 0)
                text.Append(", lines ").AppendJoin(", ", c.ChangedLines);
            text.Append('\n');
        }
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            text.Append(label).Append(": ").Append(value).Append('\n');
    }
}
