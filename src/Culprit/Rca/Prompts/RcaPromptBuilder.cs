using System.Globalization;

namespace Culprit.Rca.Prompts;

/// <summary>
/// Builds the brief's prompt (§4.2) — system, context, user — within a token budget. When the prompt is too
/// big, the least relevant context goes first: related log lines (oldest first), then the code of lower-ranked
/// candidates (lowest first; their headers stay), then stack frames beyond the top <see cref="MinFrames"/>,
/// and last the top candidate's code beyond a window around its failing line.
/// </summary>
public static class RcaPromptBuilder
{
    /// <summary>Part of the cache key: a change to the prompt or schema changes it, so old answers are not reused.</summary>
    public const string Version = "rca-prompt-1";

    /// <summary>Frames shown at most.</summary>
    public const int MaxFrames = 15;

    /// <summary>Frames kept however tight the budget.</summary>
    public const int MinFrames = 5;

    /// <summary>Lines either side of the failing line kept of the top candidate's code when nothing else is left to cut.</summary>
    public const int TopCodeWindow = 8;

    public const string SystemPrompt = """
        You are an expert SRE and senior software engineer. You analyse production exceptions to identify the
        root cause code block, the parameters involved, and the fixes.
        Rules:
        - Use only the context given; say so in the reasoning when it is not enough, and lower the confidence.
        - The root cause must be one of the code candidates: copy its file path and symbol exactly, and give a
          line range inside that candidate's lines.
        - Values such as <email_1> or <secret_2> are masked on purpose; keep them exactly as written.
        - Output must be valid JSON matching the provided schema: one object, no prose, no code fences.
        """;

    public const string UserPrompt = """
        Identify the likely root cause, list involved parameters, and propose fixes.
        Return JSON only with fields: incident_id, likely_root_cause (file_path, symbol, line_range [first, last],
        confidence 0..1, reasoning), supporting_evidence, involved_parameters (name, value, why_relevant),
        fix_suggestions, tests_to_add.
        """;

    public static RcaPrompt Build(PromptFacts facts, int maxInputTokens)
    {
        var fixedTokens = TokenEstimator.Estimate(SystemPrompt) + TokenEstimator.Estimate(UserPrompt) + RcaAnswerSchema.EstimatedTokens;
        var shape = new PromptShape(facts);
        var trimmed = new List<string>();
        var context = PromptWriter.Context(facts, shape);
        while (fixedTokens + TokenEstimator.Estimate(context) > maxInputTokens && Shrink(facts, shape, trimmed))
            context = PromptWriter.Context(facts, shape);

        var total = fixedTokens + TokenEstimator.Estimate(context);
        return new RcaPrompt
        {
            System = SystemPrompt,
            Context = context,
            User = UserPrompt,
            EstimatedTokens = total,
            Trimmed = trimmed,
            OverBudget = total > maxInputTokens,
        };
    }

    private static bool Shrink(PromptFacts facts, PromptShape shape, List<string> trimmed)
    {
        if (shape.RelatedFrom < facts.RelatedLines.Count)
        {
            shape.RelatedFrom++;
            Note(trimmed, "related log lines", 1);
            return true;
        }

        for (var i = shape.CodeShown.Length - 1; i >= 1; i--)
        {
            if (shape.CodeShown[i])
            {
                shape.CodeShown[i] = false;
                trimmed.Add(string.Create(CultureInfo.InvariantCulture, $"code of candidate {i + 1} ({facts.Candidates[i].Symbol})"));
                return true;
            }
        }

        if (shape.FrameLimit > MinFrames)
        {
            shape.FrameLimit--;
            Note(trimmed, "stack frames", 1);
            return true;
        }

        if (shape.TopCodeWindow is null && facts.Candidates.Count > 0 && shape.CodeShown[0])
        {
            shape.TopCodeWindow = TopCodeWindow;
            trimmed.Add(string.Create(CultureInfo.InvariantCulture, $"code of candidate 1 beyond {TopCodeWindow} lines around the failing line"));
            return true;
        }

        return false;
    }

    // Counted entries ("3 related log lines") instead of one note per line.
    private static void Note(List<string> trimmed, string what, int count)
    {
        var suffix = " " + what;
        if (trimmed.Count > 0 && trimmed[^1].EndsWith(suffix, StringComparison.Ordinal)
            && int.TryParse(trimmed[^1].AsSpan(0, trimmed[^1].Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            trimmed[^1] = string.Create(CultureInfo.InvariantCulture, $"{n + count}{suffix}");
            return;
        }

        trimmed.Add(string.Create(CultureInfo.InvariantCulture, $"{count}{suffix}"));
    }
}
