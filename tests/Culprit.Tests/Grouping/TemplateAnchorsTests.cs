using Culprit.Grouping;
using Culprit.Parsing.Templates;

namespace Culprit.Tests.Grouping;

public sealed class TemplateAnchorsTests
{
    [Fact]
    public void AGeneralisedTemplateLeadsBackToTheOldestAnchor()
    {
        var miner = new TemplateMiner();
        var anchors = new TemplateAnchors();
        var alpha = miner.Mine("quota exceeded for tenant=alpha in region north").Template;
        var first = anchors.AnchorOf(alpha);
        var general = miner.Mine("quota exceeded for tenant=beta in region north").Template;

        Assert.Equal("quota exceeded for tenant=<*> in region north", general.Text);
        Assert.Equal(alpha.Id, first);
        Assert.Equal(first, anchors.AnchorOf(general));
        Assert.Equal(2, anchors.Count);
    }

    [Fact]
    public void RestoredAnchorsResolveThroughTheSavedMinerAndSkipWhatDoesNotRead()
    {
        var miner = new TemplateMiner();
        var anchors = new TemplateAnchors();
        var alpha = miner.Mine("quota exceeded for tenant=alpha in region north").Template;
        anchors.AnchorOf(alpha);
        var saved = miner.Snapshot();
        var map = anchors.ToMap();
        map["0123456789abcdef"] = "fedcba9876543210"; // an anchor that is not its own entry
        map[""] = "x";

        Assert.True(TemplateMiner.TryRestore(saved, null, out var restored, out _));
        var again = TemplateAnchors.Restore(map, restored, out var skipped);
        var general = restored.Mine("quota exceeded for tenant=beta in region north").Template;

        Assert.Equal(2, skipped);
        Assert.Equal(alpha.Id, again.AnchorOf(general));
    }
}
