using System.Text.RegularExpressions;
using Culprit.Model;
using Culprit.Pipeline;
using Culprit.Tests.Support;

namespace Culprit.Tests.Samples;

/// <summary>
/// The sample services' source (samples/src) agrees with every stack trace of the sample logs: each in-app frame's
/// file exists, its line is inside the function the frame names, and a Python frame's printed source is that line.
/// The logs are read by the engine itself, so a frame the parsers see is a frame checked here.
/// </summary>
public sealed partial class SampleSourcesTests
{
    public static TheoryData<string, string[]> Logs => new()
    {
        {
            "checkout-service.log",
            [
                "api/CheckoutController.java:53 checkout", "api/CheckoutController.java:71 place",
                "repo/OrderRepository.java:29 save", "repo/OrderRepository.java:31 save",
                "service/CheckoutService.java:117 placeOrder", "service/CheckoutService.java:88 priceOrder",
                "tax/TaxCalculator.java:27 compute", "tax/TaxCalculator.java:42 rateFor",
            ]
        },
        {
            "recommendations.log",
            [
                "recs/api/views.py:41 recommend", "recs/engine/ranker.py:88 top_items",
                "recs/jobs/metrics.py:19 compute_ctr", "recs/jobs/metrics.py:21 compute_ctr", "recs/jobs/nightly.py:52 run",
            ]
        },
        {
            "payments-api.jsonl",
            [
                "src/Payments.Api/Controllers/ChargesController.cs:33 Post", "src/Payments.Api/Controllers/RefundsController.cs:29 Post",
                "src/Payments.Api/Fx/RateTable.cs:22 Convert", "src/Payments.Api/Services/ChargeService.cs:51 ChargeAsync",
                "src/Payments.Api/Services/RefundService.cs:38 RefundAsync", "src/Payments.Api/Services/RefundService.cs:64 CalculateRefund",
            ]
        },
        {
            "web-gateway.log",
            ["src/cart/total.js:14 cartTotal", "src/cart/total.js:9 computeCart", "src/routes/cart.js:27 handleCart"]
        },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void EveryInAppFrameLandsInsideItsFunction(string log, string[] expected)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var frame in InAppFrames(RepoPaths.Of("samples", "logs", log)))
        {
            var (service, relative) = SourceOf(frame);
            var key = $"{(service == "checkout-service" ? relative["src/main/java/com/shop/checkout/".Length..] : relative)}:{frame.Line} {frame.Function}";
            if (!seen.Add(key))
                continue;
            var path = RepoPaths.Of("samples", "src", service, relative);
            if (!File.Exists(path))
            {
                problems.Add($"{key}: no file {path}");
                continue;
            }

            var lines = File.ReadAllLines(path);
            if (frame.Line is not { } line || line < 1 || line > lines.Length)
            {
                problems.Add($"{key}: {relative} has {lines.Length} lines");
                continue;
            }

            var enclosing = EnclosingFunction(lines, line, Path.GetExtension(path));
            if (enclosing != frame.Function)
                problems.Add($"{key}: line {line} is inside {enclosing ?? "no function"}");
            if (PrintedSource(frame) is { } printed && printed != lines[line - 1].Trim())
                problems.Add($"{key}: the log prints '{printed}' but the line is '{lines[line - 1].Trim()}'");
        }

        if (problems.Count > 0)
            Assert.Fail(string.Join('\n', problems));
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public void ThrowingLinesDoWhatTheExceptionSays()
    {
        // Spot checks of the code on the throwing lines, beyond "inside the right function".
        Assert.Equal("String country = customer.getShippingAddress().getCountry();",
            Line("checkout-service/src/main/java/com/shop/checkout/tax/TaxCalculator.java", 42));
        Assert.Equal("var stillRefundable = order.Payment.CapturedAmount - order.RefundedAmount;",
            Line("payments-api/src/Payments.Api/Services/RefundService.cs", 64));
        Assert.Equal("var rate = _rates[$\"{from}-{to}\"];", Line("payments-api/src/Payments.Api/Fx/RateTable.cs", 22));
        var total = File.ReadAllLines(RepoPaths.Of("samples", "src", "web-gateway", "src", "cart", "total.js"));
        Assert.StartsWith(".price", total[13][29..], StringComparison.Ordinal);
        Assert.StartsWith("reduce(cartTotal", total[8][21..], StringComparison.Ordinal);
        var route = File.ReadAllLines(RepoPaths.Of("samples", "src", "web-gateway", "src", "routes", "cart.js"));
        Assert.StartsWith("await computeCart(", route[26][17..], StringComparison.Ordinal);
    }

    private static string Line(string relative, int line) =>
        File.ReadAllLines(RepoPaths.Of(["samples", "src", .. relative.Split('/')]))[line - 1].Trim();

    private static IEnumerable<Frame> InAppFrames(string log)
    {
        var stats = new RunStats();
        foreach (var entry in LogReader.CreateDefault().Read(log, stats))
        {
            foreach (var exception in entry.Exceptions)
            {
                foreach (var link in Chain(exception))
                {
                    foreach (var frame in link.Frames)
                    {
                        if (frame.InApp)
                            yield return frame;
                    }
                }
            }
        }

        Assert.Equal(0, stats.Partial);
    }

    private static IEnumerable<ExceptionInfo> Chain(ExceptionInfo exception)
    {
        yield return exception;
        foreach (var cause in exception.Causes)
        {
            foreach (var link in Chain(cause))
                yield return link;
        }
    }

    /// <summary>The service folder and the path inside it for a frame, by the paths each service was deployed at.</summary>
    private static (string Service, string Relative) SourceOf(Frame frame)
    {
        var file = frame.File ?? "";
        if (file.StartsWith("/app/", StringComparison.Ordinal))
            return ("recommendations", file["/app/".Length..]);
        if (file.StartsWith("/src/", StringComparison.Ordinal))
            return ("payments-api", file[1..]);
        if (file.StartsWith("/srv/gateway/", StringComparison.Ordinal))
            return ("web-gateway", file["/srv/gateway/".Length..]);
        if (file.EndsWith(".java", StringComparison.Ordinal) && frame.Module is { } type)
            return ("checkout-service", $"src/main/java/{type[..type.LastIndexOf('.')].Replace('.', '/')}/{file}");
        throw new InvalidOperationException($"in-app frame of no sample service: {frame.Raw}");
    }

    /// <summary>The source line a Python traceback printed under the frame, when it printed one.</summary>
    private static string? PrintedSource(Frame frame)
    {
        var newline = frame.Raw.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? null : frame.Raw[(newline + 1)..].Trim();
    }

    /// <summary>The name of the nearest function declared at or above <paramref name="line"/>.</summary>
    private static string? EnclosingFunction(string[] lines, int line, string extension)
    {
        var declaration = extension switch
        {
            ".py" => PythonDef(),
            ".js" => JsFunction(),
            _ => JavaOrCSharpMethod(),
        };
        for (var i = line - 1; i >= 0; i--)
        {
            var match = declaration.Match(lines[i]);
            if (match.Success && !Keywords.Contains(match.Groups["name"].Value))
                return match.Groups["name"].Value;
        }

        return null;
    }

    private static readonly HashSet<string> Keywords = ["if", "for", "foreach", "while", "switch", "catch", "using", "lock", "return", "new", "throw"];

    [GeneratedRegex(@"^\s*(?:async\s+)?def\s+(?<name>\w+)\s*\(")]
    private static partial Regex PythonDef();

    [GeneratedRegex(@"^\s*(?:async\s+)?function\s+(?<name>\w+)\s*\(")]
    private static partial Regex JsFunction();

    [GeneratedRegex(@"^\s*(?!(?:return|throw|new|await|else|var)\b)(?:(?:public|private|protected|internal|static|final|async|override|sealed)\s+)*[\w<>\[\],.?]+\s+(?<name>\w+)\s*\(")]
    private static partial Regex JavaOrCSharpMethod();
}
