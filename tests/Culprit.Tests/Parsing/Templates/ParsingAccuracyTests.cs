using Culprit.Parsing.Templates.Evaluation;

namespace Culprit.Tests.Parsing.Templates;

/// <summary>The metrics on small cases computed by hand (the first one is also the reference script's self-test).</summary>
public sealed class ParsingAccuracyTests
{
    private const string A = "Received block <*> of size <*> from <*>";
    private const string B = "Deleting block <*> file <*>";
    private const string C = "Verification succeeded for <*>";

    private static Dictionary<string, string> Lines(params string[] templates) =>
        templates.Select((t, i) => (Id: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)).ToDictionary(x => x.Id, x => x.t);

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    [Fact]
    public void SplitGroupsWrongTextsAndSpacesAreScoredAsDefined()
    {
        // truth: A on lines 1-3, B on 4-5, C on 6. Predicted: A right (one copy with extra spaces, which do not
        // count), B split in two, C grouped right with a wrong text.
        var truth = Lines(A, A, A, B, B, C);
        var predicted = Lines("Received  block <*> of size <*> from <*>", A, A, B, "Deleting block blk_9 file <*>", "Verification <*> for <*>");
        var s = ParsingAccuracy.Evaluate(truth, predicted);
        Assert.Equal(4 / 6.0, s.GA, 12);           // lines 1-3 (A) and 6 (C) are grouped exactly
        Assert.Equal(4 / 6.0, s.PA, 12);           // lines 1-4 have the right text
        Assert.Equal((3, 4, 2, 1), (s.TruthTemplates, s.PredictedTemplates, s.CorrectGroups, s.CorrectTemplates));
        Assert.Equal(F1(2 / 4.0, 2 / 3.0), s.FGA, 12);
        Assert.Equal(F1(1 / 4.0, 1 / 3.0), s.FTA, 12);
    }

    [Fact]
    public void AMergedGroupFailsBothTruthGroups()
    {
        // truth: A on 1-2, B on 3; predicted: one template for all three lines
        var s = ParsingAccuracy.Evaluate(Lines(A, A, B), Lines("<*>", "<*>", "<*>"));
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (s.GA, s.PA, s.FGA, s.FTA));
        Assert.Equal((2, 1), (s.TruthTemplates, s.PredictedTemplates));
    }

    [Fact]
    public void RightGroupsWithWrongTextsScoreGroupingButNotParsing()
    {
        // every group exact, texts all wrong: GA = FGA = 1, PA = FTA = 0
        var s = ParsingAccuracy.Evaluate(Lines(A, A, B, C), Lines("a", "a", "b", "c"));
        Assert.Equal((1.0, 0.0, 1.0, 0.0), (s.GA, s.PA, s.FGA, s.FTA));
    }

    [Fact]
    public void AMissingPredictionIsAWrongGroupOfItsOwnAndEmptyTruthIsLeftOut()
    {
        var truth = new Dictionary<string, string> { ["1"] = A, ["2"] = A, ["3"] = "  " };
        var s = ParsingAccuracy.Evaluate(truth, new Dictionary<string, string> { ["1"] = A, ["3"] = A });
        Assert.Equal(2, s.Lines);
        Assert.Equal(1, s.MissingPredictions);
        Assert.Equal(0.0, s.GA);
        Assert.Equal(0.5, s.PA);
        Assert.Equal(2, s.PredictedTemplates);   // {1} and the missing line 2
    }

    [Fact]
    public void APerfectPredictionScoresOne()
    {
        var truth = Lines(A, B, B, C, A);
        var s = ParsingAccuracy.Evaluate(truth, truth);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (s.GA, s.PA, s.FGA, s.FTA));
    }

    [Fact]
    public void EmptyTruthIsRejected() =>
        Assert.Throws<ArgumentException>(() => ParsingAccuracy.Evaluate(new Dictionary<string, string>(), new Dictionary<string, string>()));
}
