namespace Culprit.Storage.Feedback;

/// <summary>What an analyst said of an RCA result; stored as <c>accept</c>, <c>reject</c>, <c>partially_correct</c>.</summary>
public enum FeedbackVerdict
{
    Accept,
    Reject,
    PartiallyCorrect,
}
