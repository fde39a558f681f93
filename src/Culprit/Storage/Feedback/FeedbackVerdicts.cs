namespace Culprit.Storage.Feedback;

/// <summary>The verdicts as the <c>feedback.verdict</c> column and the CLI spell them.</summary>
public static class FeedbackVerdicts
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string PartiallyCorrect = "partially_correct";

    public static string ToText(FeedbackVerdict verdict) => verdict switch
    {
        FeedbackVerdict.Accept => Accept,
        FeedbackVerdict.Reject => Reject,
        FeedbackVerdict.PartiallyCorrect => PartiallyCorrect,
        _ => throw new ArgumentException($"unknown verdict {(int)verdict}: expected {Accept}, {Reject} or {PartiallyCorrect}"),
    };

    public static bool TryParse(string? text, out FeedbackVerdict verdict)
    {
        switch (text)
        {
            case Accept:
                verdict = FeedbackVerdict.Accept;
                return true;
            case Reject:
                verdict = FeedbackVerdict.Reject;
                return true;
            case PartiallyCorrect:
                verdict = FeedbackVerdict.PartiallyCorrect;
                return true;
            default:
                verdict = default;
                return false;
        }
    }

    /// <summary>The verdict named by <paramref name="text"/>; <see cref="ArgumentException"/> naming the three allowed otherwise.</summary>
    public static FeedbackVerdict Parse(string? text) =>
        TryParse(text, out var verdict)
            ? verdict
            : throw new ArgumentException($"unknown verdict '{text}': expected {Accept}, {Reject} or {PartiallyCorrect}");
}
