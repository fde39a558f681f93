namespace Culprit.Storage.Jobs;

/// <summary>Where a job stands; stored as <c>queued</c>, <c>running</c>, <c>done</c>, <c>failed</c>, <c>cancelled</c>.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,
}
