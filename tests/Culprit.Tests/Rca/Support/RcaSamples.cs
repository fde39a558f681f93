using System.Text.Json.Nodes;
using Culprit.Model;
using Culprit.Rca;

namespace Culprit.Tests.Rca.Support;

/// <summary>An incident with two candidates (a null dereference in OrderService.Place) and the answers a model may give about it.</summary>
public static class RcaSamples
{
    public const string PlaceSymbol = "Shop.Orders.OrderService.Place";
    public const string PlaceFile = "src/Shop/Orders/OrderService.cs";

    public static RcaInput Input(IReadOnlyList<string>? related = null, string? message = null, IReadOnlyList<ExtractedParameter>? parameters = null, string? placeCode = null)
    {
        var exception = new ExceptionInfo { Runtime = Runtime.DotNet, Type = "System.NullReferenceException", Message = message ?? "Object reference not set to an instance of an object." };
        exception.Frames.Add(new Frame { Module = "Shop.Orders.OrderService", Function = "Place", File = "/app/src/Shop/Orders/OrderService.cs", Line = 42, InApp = true });
        exception.Frames.Add(new Frame { Module = "Shop.Api.OrdersController", Function = "Post", File = "/app/src/Shop/Api/OrdersController.cs", Line = 18, InApp = true });
        for (var i = 0; i < 8; i++)
            exception.Frames.Add(new Frame { Module = "Microsoft.AspNetCore.Mvc.Infrastructure.ActionInvoker" + i, Function = "InvokeAsync", InApp = false });
        return new RcaInput
        {
            IncidentId = "inc-0001",
            Title = "System.NullReferenceException: " + exception.Message,
            Service = "shop-api",
            Environment = "prod",
            Version = "1.4.2",
            Commit = "abc1234def5678",
            Count = 17,
            Exception = exception,
            RootException = exception,
            Message = "order failed",
            Candidates =
            [
                new RcaCandidate
                {
                    File = PlaceFile,
                    Symbol = PlaceSymbol,
                    StartLine = 35,
                    EndLine = 50,
                    FailingLine = 42,
                    FrameDepth = 0,
                    Code = placeCode ?? string.Join('\n', Enumerable.Range(35, 16).Select(n => n == 42 ? "        var total = order.Customer.Discount * order.Total;" : $"        // line {n}")),
                    CodeStartLine = 35,
                    Score = 0.91,
                    Origin = "frame",
                },
                new RcaCandidate
                {
                    File = "src/Shop/Api/OrdersController.cs",
                    Symbol = "Shop.Api.OrdersController.Post",
                    StartLine = 10,
                    EndLine = 25,
                    FailingLine = 18,
                    FrameDepth = 1,
                    Code = string.Join('\n', Enumerable.Range(10, 16).Select(n => $"        // controller line {n}")),
                    CodeStartLine = 10,
                    Score = 0.55,
                    Origin = "frame",
                },
            ],
            Parameters = parameters ?? [new ExtractedParameter("order_id", "A-778", "kv") { MatchedName = "orderId", MatchedSymbol = PlaceSymbol }],
            RelatedLines = related ?? ["10:15:00 INFO placing order A-778", "10:15:01 WARN customer lookup returned nothing"],
        };
    }

    /// <summary>A schema-valid answer; the defaults point at OrderService.Place lines 40–42.</summary>
    public static string Answer(string symbol = PlaceSymbol, string file = PlaceFile, int first = 40, int last = 42, string reasoning = "order.Customer is null when the customer lookup finds nothing", string parameterValue = "A-778") =>
        new JsonObject
        {
            ["incident_id"] = "inc-0001",
            ["likely_root_cause"] = new JsonObject
            {
                ["file_path"] = file,
                ["symbol"] = symbol,
                ["line_range"] = new JsonArray(first, last),
                ["confidence"] = 0.8,
                ["reasoning"] = reasoning,
            },
            ["supporting_evidence"] = new JsonArray("WARN customer lookup returned nothing"),
            ["involved_parameters"] = new JsonArray(new JsonObject { ["name"] = "order_id", ["value"] = parameterValue, ["why_relevant"] = "the order whose customer is missing" }),
            ["fix_suggestions"] = new JsonArray("Check order.Customer for null before reading Discount"),
            ["tests_to_add"] = new JsonArray("Place an order whose customer does not exist"),
        }.ToJsonString();
}
