using Culprit.Model;

namespace Culprit.Pipeline;

/// <summary>
/// The service name deploys are looked up by: the entry's <c>service</c> field, else its log file's name without
/// extension (<c>checkout-service.log</c> → <c>checkout-service</c>), as plain-text logs often name no service.
/// </summary>
public static class DeployedService
{
    public static string? Of(LogEntry entry)
    {
        if (entry.Service is { Length: > 0 } service)
            return service;
        var source = entry.Position.Source;
        if (string.IsNullOrEmpty(source) || source == "-")
            return null;
        var name = Path.GetFileName(source);
        foreach (var extension in (ReadOnlySpan<string>)[".gz", ".log", ".jsonl", ".json", ".txt"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                name = name[..^extension.Length];
        }
        return name.Length > 0 ? name : null;
    }
}
