using System.Text.Json;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary><c>culprit demo</c> runs the whole job: incidents, their code at the deployed commit, suspect changes, root causes.</summary>
public sealed class DemoRcaTests
{
    private static readonly Lazy<JsonElement> Demo = new(() =>
    {
        var (code, stdout, stderr) = CliRunner.Run("demo", "--json");
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    });

    private static JsonElement Incident(string titleStart) =>
        Demo.Value.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.StartsWith(titleStart, StringComparison.Ordinal));

    [Fact]
    public void TheCheckoutRegressionPointsAtTheLineTheCommitThatDroppedTheNullCheckAndTheCustomer()
    {
        var incident = Incident("java.lang.NullPointerException");
        Assert.Equal(["3.8.0"], incident.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        var cause = incident.GetProperty("rca").GetProperty("likely_root_cause");
        Assert.Equal("checkout-service/src/main/java/com/shop/checkout/tax/TaxCalculator.java", cause.GetProperty("file_path").GetString());
        Assert.Equal("com.shop.checkout.tax.TaxCalculator.rateFor", cause.GetProperty("symbol").GetString());
        Assert.Equal([42, 42], cause.GetProperty("line_range").EnumerateArray().Select(l => l.GetInt32()));
        var suspect = Assert.Single(incident.GetProperty("code").GetProperty("suspect_changes").EnumerateArray());
        Assert.Equal("Tax: drop redundant address check", suspect.GetProperty("message").GetString());
        var parameters = incident.GetProperty("rca").GetProperty("involved_parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString() + "=" + p.GetProperty("value").GetString()).ToList();
        Assert.Contains("customer=1034", parameters);
    }

    [Fact]
    public void TheMissingProfileIsBlamedOnTheLookupThatLostItsFallback()
    {
        var incident = Incident("KeyError");
        var cause = incident.GetProperty("rca").GetProperty("likely_root_cause");
        Assert.Equal("recommendations/recs/engine/ranker.py", cause.GetProperty("file_path").GetString());
        Assert.EndsWith("Ranker.top_items", cause.GetProperty("symbol").GetString(), StringComparison.Ordinal);
        Assert.Equal([88, 88], cause.GetProperty("line_range").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Contains(incident.GetProperty("code").GetProperty("suspect_changes").EnumerateArray(),
            s => s.GetProperty("message").GetString()!.StartsWith("ranker: index preloaded profiles directly", StringComparison.Ordinal));
        Assert.Contains(incident.GetProperty("rca").GetProperty("involved_parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "user_id" && p.GetProperty("value").GetString() == "u-5056");
    }

    [Fact]
    public void AnIncidentWhoseCodeDidNotChangeHasNoSuspectsAndItsOwnCommitIsUsed()
    {
        var incident = Incident("System.NullReferenceException");
        var code = incident.GetProperty("code");
        Assert.StartsWith("c6e1644", code.GetProperty("commit").GetString(), StringComparison.Ordinal);
        Assert.Empty(code.GetProperty("suspect_changes").EnumerateArray());
        Assert.Empty(code.GetProperty("notes").EnumerateArray());
        Assert.Equal("payments-api/src/Payments.Api/Services/RefundService.cs", incident.GetProperty("rca").GetProperty("likely_root_cause").GetProperty("file_path").GetString());
    }

    [Fact]
    public void AnErrorLineWithoutATraceIsFoundByItsTextInTheCode()
    {
        var incident = Incident("Payment provider timeout");
        var cause = incident.GetProperty("rca").GetProperty("likely_root_cause");
        Assert.Equal("payments-api/src/Payments.Api/Services/ChargeService.cs", cause.GetProperty("file_path").GetString());
        Assert.StartsWith("This incident is an error line without a stack trace; it is written at line", cause.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAStoreTheDemoStillExplainsEveryIncidentAndRemovesItsRepository()
    {
        var (code, stdout, stderr) = CliRunner.Run("demo", "--no-store", "--json");
        Assert.True(code == 0, stderr);
        var incidents = JsonDocument.Parse(stdout).RootElement.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Equal(9, incidents.Count);
        Assert.All(incidents, i => Assert.True(i.TryGetProperty("rca", out _)));
        var checkout = incidents.Single(i => i.GetProperty("title").GetString()!.StartsWith("java.lang.NullPointerException", StringComparison.Ordinal));
        Assert.Equal("com.shop.checkout.tax.TaxCalculator.rateFor", checkout.GetProperty("rca").GetProperty("likely_root_cause").GetProperty("symbol").GetString());
        Assert.NotEmpty(checkout.GetProperty("code").GetProperty("suspect_changes").EnumerateArray());
        var built = stderr.Split('\n').Single(l => l.StartsWith("Built the sample services' repository in ", StringComparison.Ordinal));
        var folder = built["Built the sample services' repository in ".Length..built.IndexOf(" (head ", StringComparison.Ordinal)];
        Assert.False(Directory.Exists(folder), folder);
    }
}
