using System.Text.Json.Serialization;

namespace Culprit.Rca.Evaluation;

/// <summary>The result of <c>culprit eval faultloc</c>, in the JSON shape the issue fixes (counts, not fractions).</summary>
public sealed record FaultLocReport
{
    [JsonPropertyName("cases")]
    public required IReadOnlyList<FaultLocCaseResult> Cases { get; init; }

    [JsonPropertyName("totals")]
    public required FaultLocTotals Totals { get; init; }
}

public sealed record FaultLocCaseResult
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("candidates")]
    public required IReadOnlyList<Model.RcaCandidateSummary> Candidates { get; init; }

    /// <summary>1-based rank of the first candidate overlapping a ground-truth method; null when none does.</summary>
    [JsonPropertyName("method_rank")]
    public int? MethodRank { get; init; }

    [JsonPropertyName("file_rank")]
    public int? FileRank { get; init; }

    /// <summary>The report's confidence in its first candidate.</summary>
    [JsonPropertyName("confidence")]
    public double Confidence { get; init; }

    /// <summary>Why the case could not be run or what went wrong (unresolved frames …); null when all went well.</summary>
    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}

public sealed record TopK
{
    [JsonPropertyName("top1")]
    public int Top1 { get; init; }

    [JsonPropertyName("top3")]
    public int Top3 { get; init; }

    [JsonPropertyName("top5")]
    public int Top5 { get; init; }

    public static TopK Count(IEnumerable<int?> ranks)
    {
        var list = ranks.ToList();
        return new TopK
        {
            Top1 = list.Count(r => r is <= 1),
            Top3 = list.Count(r => r is <= 3),
            Top5 = list.Count(r => r is <= 5),
        };
    }
}

public sealed record FaultLocTotals
{
    [JsonPropertyName("n")]
    public int N { get; init; }

    [JsonPropertyName("method")]
    public required TopK Method { get; init; }

    [JsonPropertyName("file")]
    public required TopK File { get; init; }

    [JsonPropertyName("baseline_method")]
    public required TopK BaselineMethod { get; init; }
}
