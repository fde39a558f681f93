namespace Culprit.Storage.Feedback;

/// <summary>The feedback stores' messages, the same for both backends.</summary>
internal static class FeedbackErrors
{
    public static ArgumentException UnknownRcaResult(string rcaId) =>
        new($"no stored RCA result has the id '{rcaId}'");

    public static FeedbackVerdict ReadVerdict(string text) =>
        FeedbackVerdicts.TryParse(text, out var verdict) ? verdict : throw new InvalidDataException($"a feedback row has the unknown verdict '{text}'");
}
