using Culprit.Model;

namespace Culprit.Storage;

/// <summary>The lower-case names statuses are stored under (the same as the CLI's JSON).</summary>
internal static class IncidentStatusText
{
    public static string ToText(IncidentStatus status) => status switch
    {
        IncidentStatus.New => "new",
        IncidentStatus.Investigating => "investigating",
        IncidentStatus.Resolved => "resolved",
        IncidentStatus.Regressed => "regressed",
        IncidentStatus.Ignored => "ignored",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static IncidentStatus Parse(string text) => text switch
    {
        "new" => IncidentStatus.New,
        "investigating" => IncidentStatus.Investigating,
        "resolved" => IncidentStatus.Resolved,
        "regressed" => IncidentStatus.Regressed,
        "ignored" => IncidentStatus.Ignored,
        _ => throw new FormatException($"Unknown incident status '{text}' in the store."),
    };
}
