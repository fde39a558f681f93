namespace Culprit.Storage.Jobs;

/// <summary>The statuses as the <c>jobs.status</c> column spells them.</summary>
internal static class JobStatuses
{
    public static string ToText(JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Running => "running",
        JobStatus.Done => "done",
        JobStatus.Failed => "failed",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown job status"),
    };

    public static JobStatus Parse(string text) => text switch
    {
        "queued" => JobStatus.Queued,
        "running" => JobStatus.Running,
        "done" => JobStatus.Done,
        "failed" => JobStatus.Failed,
        "cancelled" => JobStatus.Cancelled,
        _ => throw new InvalidDataException($"a jobs row has the unknown status '{text}'"),
    };
}
