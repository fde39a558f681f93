using System.Text.Json;
using Culprit.Tests.Code.Git;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary><c>exceptions --repo</c> and <c>analyze --repo --rca</c> on a real temp repository with two deployed versions.</summary>
public sealed class CodeCliTests : IDisposable
{
    private const string V1 = """
        package com.shop.tax;

        public class TaxCalculator {
            public double compute(Customer customer, double amount) {
                return amount * rateFor(customer);
            }

            double rateFor(Customer customer) {
                Address address = customer.getShippingAddress();
                if (address == null) return 0.0;
                return Rates.of(address.getCountry());
            }
        }
        """;

    private const string V2 = """
        package com.shop.tax;

        public class TaxCalculator {
            public double compute(Customer customer, double amount) {
                return amount * rateFor(customer);
            }

            double rateFor(Customer customer) {
                String country = customer.getShippingAddress().getCountry();
                return Rates.of(country);
            }
        }
        """;

    private const string Log = """
        2026-11-27 09:14:25.001 INFO  [exec-3] c.s.c.api.CheckoutController - POST /checkout basket=7 trace_id=4bf92f3577b34da6
        2026-11-27 09:14:26.007 ERROR [exec-3] c.s.c.api.CheckoutController - checkout failed order=ord-48006 customer=1034 trace_id=4bf92f3577b34da6
        java.lang.NullPointerException: Cannot invoke "com.shop.tax.Address.getCountry()" because the return value of "com.shop.tax.Customer.getShippingAddress()" is null
        	at com.shop.tax.TaxCalculator.rateFor(TaxCalculator.java:9)
        	at com.shop.tax.TaxCalculator.compute(TaxCalculator.java:5)
        	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)
        """;

    private readonly TempRepository _repo = new();
    private readonly string _v1;
    private readonly string _v2;
    private readonly string _log;

    public CodeCliTests()
    {
        _v1 = _repo.Commit("Tax by shipping country", ("src/main/java/com/shop/tax/TaxCalculator.java", V1), ("README.md", "shop"));
        _v2 = _repo.Commit("Tax: drop redundant address check", "Dana Developer", ("src/main/java/com/shop/tax/TaxCalculator.java", V2));
        _log = Path.Combine(Directory.CreateTempSubdirectory("culprit-code-cli-").FullName, "checkout.log");
        File.WriteAllText(_log, Log);
    }

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(Path.GetDirectoryName(_log)!, recursive: true);
    }

    [Fact]
    public void ExceptionsWithARepositoryAddRepositoryPathsAndSymbolsToFramesAndSayWhyOthersAreUnresolved()
    {
        var (code, stdout, stderr) = CliRunner.Run("exceptions", _log, "--repo", _repo.Folder, "--commit", _v2, "--json");
        Assert.True(code == 0, stderr);
        var frames = JsonDocument.Parse(stdout).RootElement.GetProperty("exceptions")[0].GetProperty("frames");
        Assert.Equal("src/main/java/com/shop/tax/TaxCalculator.java", frames[0].GetProperty("repo_path").GetString());
        Assert.Equal("com.shop.tax.TaxCalculator.rateFor", frames[0].GetProperty("symbol").GetString());
        Assert.Equal(8, frames[0].GetProperty("symbol_start").GetInt32());
        Assert.Equal(11, frames[0].GetProperty("symbol_end").GetInt32());
        Assert.Equal("com.shop.tax.TaxCalculator.compute", frames[1].GetProperty("symbol").GetString());
        Assert.Equal(JsonValueKind.Null, frames[2].GetProperty("repo_path").ValueKind);
        Assert.Equal(JsonValueKind.Null, frames[2].GetProperty("symbol").ValueKind);
        Assert.Equal("no file named 'FrameworkServlet.java' in the repository", frames[2].GetProperty("resolve_note").GetString());
    }

    [Fact]
    public void AnalyzeWithRcaNamesTheFunctionTheLineTheSuspectCommitAndTheParameters()
    {
        var (code, stdout, stderr) = CliRunner.Run("analyze", _log, "--no-store", "--repo", _repo.Folder, "--commit", _v2, "--previous", _v1, "--rca", "--json");
        Assert.True(code == 0, stderr);
        var incident = JsonDocument.Parse(stdout).RootElement.GetProperty("incidents")[0];
        var codeInfo = incident.GetProperty("code");
        Assert.Equal(_v2, codeInfo.GetProperty("commit").GetString());
        Assert.Equal(9, codeInfo.GetProperty("culprit").GetProperty("failing_line").GetInt32());
        var suspect = codeInfo.GetProperty("suspect_changes")[0];
        Assert.Equal(_v2, suspect.GetProperty("sha").GetString());
        Assert.Equal("Dana Developer", suspect.GetProperty("author").GetString());
        Assert.Equal("com.shop.tax.TaxCalculator.rateFor", suspect.GetProperty("symbol").GetString());
        var rca = incident.GetProperty("rca");
        var cause = rca.GetProperty("likely_root_cause");
        Assert.Equal("src/main/java/com/shop/tax/TaxCalculator.java", cause.GetProperty("file_path").GetString());
        Assert.Equal("com.shop.tax.TaxCalculator.rateFor", cause.GetProperty("symbol").GetString());
        Assert.Equal("[9,9]", cause.GetProperty("line_range").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("This function changed since the previous deploy", cause.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
        Assert.Contains("return value of customer.getShippingAddress()", cause.GetProperty("reasoning").GetString(), StringComparison.Ordinal);
        var parameters = rca.GetProperty("involved_parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("value").GetString())).ToList();
        Assert.Contains(("customer", "1034"), parameters);
        Assert.InRange(cause.GetProperty("confidence").GetDouble(), 0.8, 0.95);
    }

    [Fact]
    public void AnalyzeTableOutputShowsTheCodeWithTheFailingLineMarked()
    {
        var (code, stdout, stderr) = CliRunner.Run("analyze", _log, "--no-store", "--repo", _repo.Folder, "--commit", _v2, "--previous", _v1, "--rca");
        Assert.True(code == 0, stderr);
        Assert.Contains(">     9 |         String country = customer.getShippingAddress().getCountry();", stdout, StringComparison.Ordinal);
        Assert.Contains("\"Tax: drop redundant address check\" — com.shop.tax.TaxCalculator.rateFor, lines 9", stdout, StringComparison.Ordinal);
        Assert.Contains("root cause (heuristic", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RcaOfAStoredIncidentIsCachedUntilRefreshed()
    {
        var data = Path.Combine(Path.GetDirectoryName(_log)!, "data");
        var (code, stdout, stderr) = CliRunner.Run("analyze", _log, "--data", data, "--json");
        Assert.True(code == 0, stderr);
        var id = JsonDocument.Parse(stdout).RootElement.GetProperty("incidents")[0].GetProperty("id").GetString()!;

        string Report(params string[] extra)
        {
            var (c, o, e) = CliRunner.Run(["rca", id, "--repo", _repo.Folder, "--commit", _v2, "--previous", _v1, "--data", data, "--json", .. extra]);
            Assert.True(c == 0, e);
            var rca = JsonDocument.Parse(o).RootElement.GetProperty("rca");
            Assert.Equal("com.shop.tax.TaxCalculator.rateFor", rca.GetProperty("likely_root_cause").GetProperty("symbol").GetString());
            return rca.GetProperty("created_at").GetString()!;
        }

        var first = Report();
        Assert.Equal(first, Report());
        var (_, withTrace, _) = CliRunner.Run("rca", id, "--repo", _repo.Folder, "--commit", _v2, "--data", data, "--json", "--refresh");
        var basket = JsonDocument.Parse(withTrace).RootElement.GetProperty("rca").GetProperty("involved_parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "basket");
        Assert.Equal("7", basket.GetProperty("value").GetString());
        Assert.Equal("logged earlier in the same trace", basket.GetProperty("why_relevant").GetString());
        Assert.NotEqual(first, Report("--refresh"));

        (code, _, stderr) = CliRunner.Run("rca", "000000000000", "--repo", _repo.Folder, "--data", data);
        Assert.Equal(2, code);
        Assert.Contains("no incident '000000000000'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRepositoryAndCodeMappingsCanComeFromCulpritYaml()
    {
        var config = Path.Combine(Path.GetDirectoryName(_log)!, "culprit.yaml");
        File.WriteAllText(config, $"code:\n  repo: {_repo.Folder}\n  mappings:\n    - /deployed/=src/main/java/\n");
        var log = Path.Combine(Path.GetDirectoryName(_log)!, "node.log");
        File.WriteAllText(log, "TypeError: x is undefined\n    at rateFor (/deployed/com/shop/tax/TaxCalculator.java:9:5)\n");
        var (code, stdout, stderr) = CliRunner.Run("exceptions", log, "--config", config, "--commit", _v2, "--json");
        Assert.True(code == 0, stderr);
        var frame = JsonDocument.Parse(stdout).RootElement.GetProperty("exceptions")[0].GetProperty("frames")[0];
        Assert.Equal("src/main/java/com/shop/tax/TaxCalculator.java", frame.GetProperty("repo_path").GetString());

        File.WriteAllText(config, "code:\n  mappings:\n    - nonsense\n");
        (code, _, stderr) = CliRunner.Run("exceptions", log, "--config", config, "--repo", _repo.Folder);
        Assert.Equal(2, code);
        Assert.Contains("--map / code.mappings: code mapping 'nonsense' is not FROM=TO", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRepositoryCommitAndMappingAreUsageErrors()
    {
        var missing = Path.Combine(Path.GetTempPath(), "culprit-no-such-repo-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = CliRunner.Run("analyze", _log, "--no-store", "--repo", missing);
        Assert.Equal(2, code);
        Assert.Contains("--repo:", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("analyze", _log, "--no-store", "--repo", _repo.Folder, "--commit", "no-such-tag");
        Assert.Equal(2, code);
        Assert.Contains("--commit:", stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-tag", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("exceptions", _log, "--map", "nonsense");
        Assert.Equal(2, code);
        Assert.Contains("--commit, --previous and --map need --repo (or code.repo in culprit.yaml)", stderr, StringComparison.Ordinal);

        (code, _, stderr) = CliRunner.Run("exceptions", _log, "--repo", _repo.Folder, "--map", "nonsense");
        Assert.Equal(2, code);
        Assert.Contains("code mapping 'nonsense' is not FROM=TO", stderr, StringComparison.Ordinal);
    }
}
