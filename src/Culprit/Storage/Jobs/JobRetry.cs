namespace Culprit.Storage.Jobs;

/// <summary>How long a failed job waits before its next attempt: 10 s after the first, doubling, at most an hour.</summary>
public static class JobRetry
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="attempts"/>-th attempt failed (1-based).</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var wait = First * Math.Pow(2, doublings);
        return wait < Longest ? wait : Longest;
    }

    internal static void CheckRequest(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoreInput.Required(request.Kind, "a job's kind");
        StoreInput.Json(request.PayloadJson, "a job's payload");
        if (request.DedupeKey is not null && string.IsNullOrWhiteSpace(request.DedupeKey))
            throw new ArgumentException("a job's dedupe key must not be blank (leave it null for none)");
        if (request.MaxAttempts < 1)
            throw new ArgumentException($"a job needs at least one attempt, not {request.MaxAttempts}");
    }

    internal static void CheckLease(string owner, TimeSpan leaseFor)
    {
        StoreInput.Required(owner, "a lease owner");
        if (leaseFor <= TimeSpan.Zero)
            throw new ArgumentException($"a lease must last longer than zero, not {leaseFor}");
    }
}
