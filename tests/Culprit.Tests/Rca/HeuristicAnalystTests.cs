using Culprit.Code;
using Culprit.Code.Git;
using Culprit.Code.Symbols;
using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Rca;
using Culprit.Rca.Heuristic;
using Culprit.Tests.Code.Git;

namespace Culprit.Tests.Rca;

/// <summary>The heuristic analyst end to end: a real git repository, real symbol extraction, traces parsed by the engine.</summary>
public sealed class HeuristicAnalystTests : IDisposable
{
    private const string Service = """
        class Orders:
            def __init__(self, repo):
                self.repo = repo

            def total(self, order_id):
                order = self.repo.find(order_id)
                return order.amount * 2

            def render(self, value):
                return value.decode("utf-8")

            def export(self, item):
                flag = item["flag"]
                return self.render(flag)

            def rate(self, region):
                return self.rates[region]
        """;

    private const string Caller = """
        from shop.orders import Orders


        def handle(request, orders):
            return orders.total(request.order_id)
        """;

    private const string Validate = """
        package com.shop.util;

        public final class Validate {
            public static void notEmpty(String value, String message) {
                if (value == null || value.isEmpty())
                    throw new IllegalArgumentException(message);
            }
        }
        """;

    private const string Doctype = """
        package com.shop.model;

        import com.shop.util.Validate;

        public class Doctype {
            private final String name;

            public Doctype(String name) {
                Validate.notEmpty(name, "name must not be empty");
                this.name = name;
            }
        }
        """;

    private const string Zone = """
        package com.shop.model;

        public class Zone {
            public static int offset(int hours, int minutes) {
                if (minutes < 0 || minutes > 59) {
                    throw new IllegalArgumentException("Minutes out of range: " + minutes);
                }
                return hours * 60 + minutes;
            }
        }
        """;

    private readonly TempRepository _repo = new();
    private readonly GitRepository _git;
    private readonly string _head;

    public HeuristicAnalystTests()
    {
        _head = _repo.Commit("shop", ("shop/orders.py", Service), ("shop/api.py", Caller),
            ("src/main/java/com/shop/util/Validate.java", Validate), ("src/main/java/com/shop/model/Doctype.java", Doctype), ("src/main/java/com/shop/model/Zone.java", Zone));
        _git = GitRepository.Open(_repo.Folder);
    }

    public void Dispose()
    {
        _git.Dispose();
        _repo.Dispose();
    }

    private RcaReport Analyze(string log, SymbolExtractor? extractor = null)
    {
        var file = Path.Combine(_repo.Folder, "..", Path.GetRandomFileName() + ".log");
        File.WriteAllText(file, log);
        try
        {
            var entry = LogReader.CreateDefault(null).Read(file, new RunStats()).First(e => e.Exception is not null);
            var code = new RepositoryCodeView(_git, "HEAD", extractor ?? new SymbolExtractor());
            var (input, _) = RcaInputBuilder.Build(new RcaInputBuilder.Request
            {
                IncidentId = "inc-1",
                Representative = entry,
                Exception = entry.Exception,
                Code = code,
                Count = 3,
            });
            return new HeuristicAnalyst(new FixedClock()).Analyze(input);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ANullValueAssignedFromACallIsTracedToTheLineThatDereferencesIt()
    {
        var report = Analyze("""
            2026-11-27 10:00:00,001 ERROR shop.api: total failed order_id=42
            Traceback (most recent call last):
              File "/srv/app/shop/api.py", line 5, in handle
                return orders.total(request.order_id)
              File "/srv/app/shop/orders.py", line 7, in total
                return order.amount * 2
            AttributeError: 'NoneType' object has no attribute 'amount'
            """);
        var cause = report.LikelyRootCause;
        Assert.Equal("shop/orders.py", cause.FilePath);
        Assert.Equal("shop.orders.Orders.total", cause.Symbol);
        Assert.Equal([7, 7], cause.LineRange);
        Assert.Contains("`order` is null when Orders.total dereferences it at line 7", cause.Reasoning, StringComparison.Ordinal);
        Assert.Contains("`order` was assigned on line 6: order = self.repo.find(order_id).", cause.Reasoning, StringComparison.Ordinal);
        Assert.Contains("shop/orders.py:7: return order.amount * 2", report.SupportingEvidence);
        var parameter = Assert.Single(report.InvolvedParameters, p => p.Name == "order_id");
        Assert.Equal("42", parameter.Value);
        Assert.Equal("passed as `order_id` to Orders.total", parameter.WhyRelevant);
        Assert.Contains(report.FixSuggestions, f => f.StartsWith("Check `order` for null in Orders.total", StringComparison.Ordinal));
        Assert.Equal("heuristic", report.Engine);
        Assert.InRange(cause.Confidence, 0.7, 0.95);
        Assert.Equal(["shop.orders.Orders.total", "shop.api.handle"], report.Candidates.Take(2).Select(c => c.Symbol));
    }

    [Fact]
    public void AWrongTypedValueThatArrivesAsAParameterBlamesTheCallerThatProducedIt()
    {
        var report = Analyze("""
            2026-11-27 10:00:00,001 ERROR shop.export: export failed
            Traceback (most recent call last):
              File "/srv/app/shop/orders.py", line 14, in export
                return self.render(flag)
              File "/srv/app/shop/orders.py", line 10, in render
                return value.decode("utf-8")
            AttributeError: 'bool' object has no attribute 'decode'
            """);
        Assert.Equal("shop.orders.Orders.export", report.LikelyRootCause.Symbol);
        Assert.Equal([14, 14], report.LikelyRootCause.LineRange);
        Assert.Contains("arrives in Orders.render as the parameter `value`", report.LikelyRootCause.Reasoning, StringComparison.Ordinal);
        Assert.Equal("shop.orders.Orders.render", report.Candidates[1].Symbol);
    }

    [Fact]
    public void AGuardThatOnlyChecksItsArgumentPassesTheBlameToItsCaller()
    {
        var report = Analyze("""
            java.lang.IllegalArgumentException: name must not be empty
            	at com.shop.util.Validate.notEmpty(Validate.java:6)
            	at com.shop.model.Doctype.<init>(Doctype.java:9)
            	at com.shop.Main.main(Main.java:3)
            """);
        Assert.Equal("src/main/java/com/shop/model/Doctype.java", report.LikelyRootCause.FilePath);
        Assert.Equal("com.shop.model.Doctype.<init>", report.LikelyRootCause.Symbol);
        Assert.Equal([9, 9], report.LikelyRootCause.LineRange);
        Assert.Contains("Validate.notEmpty only checks its argument", report.LikelyRootCause.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitThrowIsExplainedByTheCheckThatLedToItAndTheValueItRejected()
    {
        var report = Analyze("""
            java.lang.IllegalArgumentException: Minutes out of range: -15
            	at com.shop.model.Zone.offset(Zone.java:6)
            	at com.shop.Main.main(Main.java:3)
            """);
        Assert.Equal("com.shop.model.Zone.offset", report.LikelyRootCause.Symbol);
        Assert.Contains("Zone.offset received input it rejects (`minutes < 0 || minutes > 59`) at line 6", report.LikelyRootCause.Reasoning, StringComparison.Ordinal);
        var minutes = Assert.Single(report.InvolvedParameters);
        Assert.Equal(("minutes", "-15", "the value the check `minutes < 0 || minutes > 59` in Zone.offset rejected"), (minutes.Name, minutes.Value, minutes.WhyRelevant));
    }

    [Fact]
    public void AMissingKeyNamesTheKeyAndItsValue()
    {
        var report = Analyze("""
            2026-11-27 10:00:00,001 ERROR shop.api: rate failed region=eu-north
            Traceback (most recent call last):
              File "/srv/app/shop/orders.py", line 17, in rate
                return self.rates[region]
            KeyError: 'eu-north'
            """);
        Assert.Equal("shop.orders.Orders.rate", report.LikelyRootCause.Symbol);
        Assert.Contains("Orders.rate looks up `region` in a collection that does not contain it", report.LikelyRootCause.Reasoning, StringComparison.Ordinal);
        var region = Assert.Single(report.InvolvedParameters, p => p.Name == "region");
        Assert.Equal("eu-north", region.Value);
        Assert.Equal("the value of `region` on the failing line of Orders.rate", region.WhyRelevant);
        Assert.Contains(report.TestsToAdd, t => t.Contains("a `region` that is absent", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutCtagsTheAnalysisFallsBackToTheLineWindowOfTheFrame()
    {
        var warnings = new List<string>();
        var extractor = new SymbolExtractor(new SymbolExtractorOptions { CtagsPath = "/nonexistent/ctags", OnWarning = warnings.Add });
        var report = Analyze("""
            2026-11-27 10:00:00,001 ERROR shop.api: rate failed region=eu-north
            Traceback (most recent call last):
              File "/srv/app/shop/orders.py", line 17, in rate
                return self.rates[region]
            KeyError: 'eu-north'
            """, extractor);
        Assert.Equal("shop/orders.py", report.LikelyRootCause.FilePath);
        Assert.Equal("rate", report.LikelyRootCause.Symbol);
        Assert.Equal([17, 17], report.LikelyRootCause.LineRange);
        Assert.Equal(7, report.Candidates[0].StartLine);
        Assert.Contains(warnings, w => w.Contains("universal-ctags", StringComparison.Ordinal));
    }

    [Fact]
    public void NoResolvableFrameGivesALowConfidenceReportThatSaysWhy()
    {
        var report = Analyze("""
            java.lang.IllegalStateException: closed
            	at org.vendor.Pool.borrow(Pool.java:10)
            """);
        Assert.Equal("", report.LikelyRootCause.FilePath);
        Assert.Equal(0.05, report.LikelyRootCause.Confidence);
        Assert.StartsWith("No frame of this incident resolves to the repository", report.LikelyRootCause.Reasoning, StringComparison.Ordinal);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    }
}
