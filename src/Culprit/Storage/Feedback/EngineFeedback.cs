namespace Culprit.Storage.Feedback;

/// <summary>How an engine's analyses were judged: the number of verdicts of each kind.</summary>
public sealed record EngineFeedback(string Engine, long Accepted, long Rejected, long PartiallyCorrect)
{
    public long Total => Accepted + Rejected + PartiallyCorrect;
}
