using Culprit.Rca;
using Culprit.Rca.Prompts;
using Culprit.Rca.Redaction;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Prompts;

public sealed class RcaPromptBuilderTests
{
    private static PromptFacts Facts(int relatedLines = 2, int candidates = 2)
    {
        var input = RcaSamples.Input(related: [.. Enumerable.Range(1, relatedLines).Select(i => $"10:15:{i:00} INFO step {i} of the request handled")]);
        var extra = Enumerable.Range(3, Math.Max(0, candidates - 2)).Select(i => input.Candidates[1] with
        {
            Symbol = $"Shop.Extra.Helper{i}.Run",
            File = $"src/Shop/Extra/Helper{i}.cs",
            Score = 0.1,
        });
        input = input with { Candidates = [.. input.Candidates.Take(candidates), .. extra] };
        return AllowList.From(input, new Redactor(new RedactionOptions()));
    }

    private static int Size(PromptFacts facts) => RcaPromptBuilder.Build(facts, int.MaxValue).EstimatedTokens;

    [Fact]
    public void ThePromptHasTheBriefsThreePartsAndSections()
    {
        var prompt = RcaPromptBuilder.Build(Facts(), 100_000);

        Assert.StartsWith("You are an expert SRE and senior software engineer.", prompt.System, StringComparison.Ordinal);
        Assert.Contains("Output must be valid JSON matching the provided schema", prompt.System, StringComparison.Ordinal);
        Assert.StartsWith("Identify the likely root cause, list involved parameters, and propose fixes.", prompt.User, StringComparison.Ordinal);
        Assert.Contains("Return JSON only with fields: incident_id, likely_root_cause", prompt.User, StringComparison.Ordinal);
        var expectedStart = """
            Incident: inc-0001
            Service: shop-api
            Environment: prod
            Version: 1.4.2
            Commit: abc1234def5678

            Exception:
            Type: System.NullReferenceException
            Message: Object reference not set to an instance of an object.
            Top Stack Frames (root exception, throw site first):
            1. /app/src/Shop/Orders/OrderService.cs:42 in Shop.Orders.OrderService.Place (own code)
            2. /app/src/Shop/Api/OrdersController.cs:18 in Shop.Api.OrdersController.Post (own code)
            3. ? in Microsoft.AspNetCore.Mvc.Infrastructure.ActionInvoker0.InvokeAsync
            """.ReplaceLineEndings("\n");
        Assert.StartsWith(expectedStart, prompt.Context, StringComparison.Ordinal);
        Assert.Contains("\nCode Candidates (best first):\n1. Shop.Orders.OrderService.Place in src/Shop/Orders/OrderService.cs (lines 35-50, failing line 42, found as frame):\n```\n    35 |         // line 35\n", prompt.Context, StringComparison.Ordinal);
        Assert.Contains(">   42 |         var total = order.Customer.Discount * order.Total;\n", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("\nExtracted Parameters:\n- order_id: \"A-778\" (matches orderId of Shop.Orders.OrderService.Place)\n", prompt.Context, StringComparison.Ordinal);
        Assert.EndsWith("\nRelated Log Lines (same trace, oldest first):\n10:15:01 INFO step 1 of the request handled\n10:15:02 INFO step 2 of the request handled\n", prompt.Context, StringComparison.Ordinal);
        Assert.Empty(prompt.Trimmed);
        Assert.False(prompt.OverBudget);
    }

    [Fact]
    public void RelatedLinesGoFirstOldestFirst()
    {
        var facts = Facts(relatedLines: 10);
        var full = Size(facts);

        // Room for all but three related lines (15 tokens each).
        var prompt = RcaPromptBuilder.Build(facts, full - 40);

        Assert.Equal(["3 related log lines"], prompt.Trimmed);
        Assert.DoesNotContain("step 3 of", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("step 4 of", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("step 10 of", prompt.Context, StringComparison.Ordinal);
        Assert.True(prompt.EstimatedTokens <= full - 40);
    }

    [Fact]
    public void ThenTheCodeOfLowerRankedCandidatesLowestFirst()
    {
        var facts = Facts(relatedLines: 4, candidates: 4);
        var withoutRelated = RcaPromptBuilder.Build(facts with { RelatedLines = [] }, int.MaxValue).EstimatedTokens;

        var prompt = RcaPromptBuilder.Build(facts, withoutRelated - 1);

        Assert.Equal(["4 related log lines", "code of candidate 4 (Shop.Extra.Helper4.Run)"], prompt.Trimmed);
        Assert.Contains("4. Shop.Extra.Helper4.Run in src/Shop/Extra/Helper4.cs (lines 10-25, failing line 18, found as frame) [code left out to fit the prompt]", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("3. Shop.Extra.Helper3.Run in src/Shop/Extra/Helper3.cs (lines 10-25, failing line 18, found as frame):\n```", prompt.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void ThenFramesBeyondTheTopFiveThenTheTopCandidatesCodeAroundItsFailingLine()
    {
        var facts = Facts(relatedLines: 3, candidates: 3);

        var prompt = RcaPromptBuilder.Build(facts, 1);

        Assert.Equal(
            [
                "3 related log lines",
                "code of candidate 3 (Shop.Extra.Helper3.Run)",
                "code of candidate 2 (Shop.Api.OrdersController.Post)",
                "5 stack frames",
                "code of candidate 1 beyond 8 lines around the failing line",
            ],
            prompt.Trimmed);
        Assert.True(prompt.OverBudget);
        Assert.Contains("5. ? in Microsoft.AspNetCore.Mvc.Infrastructure.ActionInvoker2.InvokeAsync\n(5 more frames not shown)\n", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("    35 |", prompt.Context, StringComparison.Ordinal);
        Assert.Contains("    50 |", prompt.Context, StringComparison.Ordinal);

        // The window only cuts a candidate longer than 17 lines; the failing line's neighbourhood always stays.
        var longCode = string.Join('\n', Enumerable.Range(1, 60).Select(n => $"        // long {n}"));
        var longFacts = facts with { Candidates = [facts.Candidates[0] with { StartLine = 1, EndLine = 60, CodeStartLine = 1, FailingLine = 30, Code = longCode }] };
        var cut = RcaPromptBuilder.Build(longFacts, 1);
        Assert.Contains("    22 |         // long 22\n", cut.Context, StringComparison.Ordinal);
        Assert.Contains(">   30 |         // long 30\n", cut.Context, StringComparison.Ordinal);
        Assert.Contains("    38 |         // long 38\n", cut.Context, StringComparison.Ordinal);
        Assert.DoesNotContain("// long 21\n", cut.Context, StringComparison.Ordinal);
        Assert.DoesNotContain("// long 39\n", cut.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorLineWithoutATraceShowsTheMessage()
    {
        var facts = Facts() with { Exceptions = [], Frames = [], Message = "payment gateway said no" };

        var prompt = RcaPromptBuilder.Build(facts, 100_000);

        Assert.Contains("\nError: System.NullReferenceException: Object reference not set to an instance of an object.\nLog message: payment gateway said no\n", prompt.Context, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("word", 1)]
    [InlineData("exception", 3)]
    [InlineData("a.b(c);", 7)]
    [InlineData("two words\n", 4)]
    public void TokenEstimatesCountWordPiecesAndSymbols(string text, int tokens) => Assert.Equal(tokens, TokenEstimator.Estimate(text));
}
