using Culprit.Rca;
using Culprit.Rca.Redaction;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Redaction;

public sealed class AllowListTests
{
    [Fact]
    public void OnlyAllowListedFieldsAreCarriedAndAuthorsAreLeftOut()
    {
        var input = RcaSamples.Input() with
        {
            SuspectChanges = [new SuspectChangeSummary("0123456789abcdef0123", "Jane Doe <jane@example.com>", new DateTimeOffset(2026, 2, 27, 23, 30, 0, TimeSpan.Zero), "Skip customer load for guests", RcaSamples.PlaceFile, RcaSamples.PlaceSymbol, [41, 42])],
        };
        input.Exception!.Raw = "RAW TRACE TEXT";
        input.Exception.Thread = "worker-7";

        var facts = AllowList.From(input, new Redactor(new RedactionOptions()));

        Assert.Equal("inc-0001", facts.IncidentId);
        Assert.Equal("System.NullReferenceException", facts.Exceptions[0].Type);
        Assert.Equal(10, facts.Frames.Count);
        Assert.Equal("Shop.Orders.OrderService.Place", facts.Frames[0].Function);
        var change = Assert.Single(facts.Changes);
        Assert.Equal("0123456789ab", change.Sha);
        Assert.Equal(new DateOnly(2026, 2, 27), change.Day);
        var json = System.Text.Json.JsonSerializer.Serialize(facts);
        Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
        Assert.DoesNotContain("RAW TRACE", json, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-7", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0.91", json, StringComparison.Ordinal);
    }
}
