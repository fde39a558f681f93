namespace Culprit.Parsing.Templates.Evaluation;

/// <summary>
/// Log-parsing accuracy of one run against a ground truth (definitions in <c>docs/templates.md</c>): grouping
/// accuracy (GA), parsing accuracy (PA), and the F1 of grouping (FGA) and of template (FTA) accuracy with
/// their precision and recall.
/// </summary>
public sealed record AccuracyScores
{
    /// <summary>Lines evaluated (truth lines with a non-empty template).</summary>
    public int Lines { get; init; }

    /// <summary>Evaluated lines without a predicted row (each counts as a wrong group of its own).</summary>
    public int MissingPredictions { get; init; }

    public int TruthTemplates { get; init; }

    public int PredictedTemplates { get; init; }

    /// <summary>Truth groups that one predicted group reproduces exactly.</summary>
    public int CorrectGroups { get; init; }

    /// <summary>Of those, groups whose predicted template text also equals the truth's.</summary>
    public int CorrectTemplates { get; init; }

    public double GA { get; init; }

    public double PA { get; init; }

    public double PGA { get; init; }

    public double RGA { get; init; }

    public double FGA { get; init; }

    public double PTA { get; init; }

    public double RTA { get; init; }

    public double FTA { get; init; }
}
