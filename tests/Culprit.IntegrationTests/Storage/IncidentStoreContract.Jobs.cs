using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Culprit.Storage.Jobs;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The job queue: order, dedupe, leases that expire and are taken over, retries with backoff, many workers at once.</summary>
public abstract partial class IncidentStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private async Task<IJobQueue> QueueAsync() => (IJobQueue)await OpenMigratedAsync();

    [Fact]
    public async Task JobsAreLeasedByPriorityThenRunAfterAndNotBeforeTheyAreDue()
    {
        var queue = await QueueAsync();
        var low = await queue.EnqueueAsync(new JobRequest("rca", """{"incident": "a1"}"""));
        var later = await queue.EnqueueAsync(new JobRequest("rca", "{}", Priority: 5, RunAfter: Clock.Now.AddMinutes(1)));
        var high = await queue.EnqueueAsync(new JobRequest("index", "{}", Priority: 5));

        var first = await queue.LeaseAsync("w1", TimeSpan.FromHours(1));
        var second = await queue.LeaseAsync("w1", Lease);
        var none = await queue.LeaseAsync("w1", Lease);
        Clock.Now += TimeSpan.FromSeconds(30);
        var stillNone = await queue.LeaseAsync("w1", Lease);
        Clock.Now += TimeSpan.FromSeconds(30);
        var third = await queue.LeaseAsync("w1", Lease);

        Assert.True(low.Created && later.Created && high.Created);
        Assert.Null(none);
        Assert.Equal(low.Id, stillNone?.Id);
        Assert.Equal([high.Id, low.Id, later.Id], new[] { first!.Id, second!.Id, third!.Id });
        Assert.Equal((JobStatus.Running, "w1", Clock.Now.AddMinutes(-1) + Lease, 1), (second.Status, second.LeaseOwner, second.LeaseExpiresAt, second.Attempts));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"incident":"a1"}"""), JsonNode.Parse(second.PayloadJson)));
        Assert.Equal(("rca", 0, 5), (second.Kind, second.Priority, second.MaxAttempts));
    }

    [Fact]
    public async Task ALeaseCanBeLimitedToSomeKinds()
    {
        var queue = await QueueAsync();
        var rca = await queue.EnqueueAsync(new JobRequest("rca", "{}", Priority: 9));
        var index = await queue.EnqueueAsync(new JobRequest("index", "{}"));

        Assert.Equal(index.Id, (await queue.LeaseAsync("w1", Lease, ["index", "sweep"]))!.Id);
        Assert.Null(await queue.LeaseAsync("w1", Lease, ["index"]));
        Assert.Equal(rca.Id, (await queue.LeaseAsync("w1", Lease))!.Id);
    }

    [Fact]
    public async Task ADedupeKeyHoldsOnePendingJobAndIsFreedWhenItFinishes()
    {
        var queue = await QueueAsync();
        var first = await queue.EnqueueAsync(new JobRequest("rca", """{"n": 1}""", DedupeKey: "rca:a1:1.0", Priority: 1));
        var queuedTwin = await queue.EnqueueAsync(new JobRequest("rca", """{"n": 2}""", DedupeKey: "rca:a1:1.0"));
        var other = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "rca:b2:1.0"));
        await queue.LeaseAsync("w1", Lease);
        var runningTwin = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "rca:a1:1.0"));
        Assert.True(await queue.CompleteAsync(first.Id, "w1"));
        var afterDone = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "rca:a1:1.0"));

        Assert.Equal(new EnqueuedJob(first.Id, false), queuedTwin);
        Assert.Equal(new EnqueuedJob(first.Id, false), runningTwin);
        Assert.True(other.Created);
        Assert.True(afterDone.Created);
        Assert.NotEqual(first.Id, afterDone.Id);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"n":1}"""), JsonNode.Parse((await queue.GetJobAsync(first.Id))!.PayloadJson)));
        Assert.Equal(JobStatus.Done, (await queue.GetJobAsync(first.Id))!.Status);
    }

    [Fact]
    public async Task AnExpiredLeaseIsTakenOverAndTheFormerOwnerLosesIt()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync(new JobRequest("rca", "{}"));
        await queue.LeaseAsync("w1", Lease);
        Clock.Now += TimeSpan.FromSeconds(20);
        Assert.True(await queue.HeartbeatAsync(job.Id, "w1", Lease));
        Clock.Now += TimeSpan.FromSeconds(25);
        Assert.Null(await queue.LeaseAsync("w2", Lease));
        Clock.Now += TimeSpan.FromSeconds(10);

        var takenOver = await queue.LeaseAsync("w2", Lease);

        Assert.Equal((job.Id, "w2", 2), (takenOver!.Id, takenOver.LeaseOwner, takenOver.Attempts));
        Assert.False(await queue.HeartbeatAsync(job.Id, "w1", Lease));
        Assert.False(await queue.CompleteAsync(job.Id, "w1"));
        Assert.Null(await queue.FailAsync(job.Id, "w1", "too late"));
        Assert.True(await queue.CompleteAsync(job.Id, "w2"));
        var done = (await queue.GetJobAsync(job.Id))!;
        Assert.Equal((JobStatus.Done, "w2", (DateTimeOffset?)null, Clock.Now), (done.Status, done.LeaseOwner, done.LeaseExpiresAt, done.FinishedAt));
        Assert.False(await queue.CompleteAsync(job.Id, "w2"));
    }

    [Fact]
    public async Task AFailedJobIsRetriedWithBackoffThenFailsForGood()
    {
        var queue = await QueueAsync();
        var job = await queue.EnqueueAsync(new JobRequest("rca", "{}", MaxAttempts: 3));
        await queue.LeaseAsync("w1", Lease);

        Assert.Equal(JobStatus.Queued, await queue.FailAsync(job.Id, "w1", "model timed out"));
        var retrying = (await queue.GetJobAsync(job.Id))!;
        Assert.Equal((JobStatus.Queued, Clock.Now.AddSeconds(10), 1, "model timed out", (string?)null), (retrying.Status, retrying.RunAfter, retrying.Attempts, retrying.LastError, retrying.LeaseOwner));
        Clock.Now += TimeSpan.FromSeconds(9);
        Assert.Null(await queue.LeaseAsync("w1", Lease));
        Clock.Now += TimeSpan.FromSeconds(1);
        Assert.NotNull(await queue.LeaseAsync("w1", Lease));
        Assert.Equal(JobStatus.Queued, await queue.FailAsync(job.Id, "w1", "again"));
        Assert.Equal(Clock.Now.AddSeconds(20), (await queue.GetJobAsync(job.Id))!.RunAfter);
        Clock.Now += TimeSpan.FromSeconds(20);
        await queue.LeaseAsync("w1", Lease);
        Assert.Equal(JobStatus.Failed, await queue.FailAsync(job.Id, "w1", "gave up", retryAfter: TimeSpan.FromSeconds(1)));

        var failed = (await queue.GetJobAsync(job.Id))!;
        Assert.Equal((JobStatus.Failed, 3, "gave up", Clock.Now), (failed.Status, failed.Attempts, failed.LastError, failed.FinishedAt));
        Clock.Now += TimeSpan.FromHours(1);
        Assert.Null(await queue.LeaseAsync("w1", Lease));
        Assert.Equal([10, 20, 40, 3600], new[] { 1, 2, 3, 20 }.Select(n => JobRetry.Backoff(n).TotalSeconds));
    }

    [Fact]
    public async Task ExpiredLeasesAreRequeuedOrFailedWhenOutOfAttempts()
    {
        var queue = await QueueAsync();
        var once = await queue.EnqueueAsync(new JobRequest("rca", "{}", Priority: 1, MaxAttempts: 1));
        var twice = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k", MaxAttempts: 2));
        await queue.LeaseAsync("w1", Lease);
        await queue.LeaseAsync("w2", Lease);
        Clock.Now += Lease;

        Assert.Equal(2, await queue.RequeueExpiredAsync());
        Assert.Equal(0, await queue.RequeueExpiredAsync());

        var failed = (await queue.GetJobAsync(once.Id))!;
        var requeued = (await queue.GetJobAsync(twice.Id))!;
        Assert.Equal((JobStatus.Failed, "the lease of w1 expired", Clock.Now), (failed.Status, failed.LastError, failed.FinishedAt));
        Assert.Equal((JobStatus.Queued, "the lease of w2 expired", (string?)null, 1), (requeued.Status, requeued.LastError, requeued.LeaseOwner, requeued.Attempts));
        Assert.Equal(new EnqueuedJob(twice.Id, false), await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k")));
        Assert.Equal(twice.Id, (await queue.LeaseAsync("w3", Lease))!.Id);
    }

    [Fact]
    public async Task OnlyAQueuedJobCanBeCancelled()
    {
        var queue = await QueueAsync();
        var running = await queue.EnqueueAsync(new JobRequest("rca", "{}", Priority: 1));
        var queued = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k"));
        await queue.LeaseAsync("w1", Lease);

        Assert.False(await queue.CancelAsync(running.Id));
        Assert.True(await queue.CancelAsync(queued.Id));
        Assert.False(await queue.CancelAsync("nojob"));

        Assert.Equal(JobStatus.Cancelled, (await queue.GetJobAsync(queued.Id))!.Status);
        Assert.Null(await queue.LeaseAsync("w1", Lease));
        Assert.True((await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k"))).Created);
        Assert.Null(await queue.GetJobAsync("nojob"));
    }

    [Fact]
    public async Task BadJobsAndLeasesAreRefusedAndQueueNothing()
    {
        var queue = await QueueAsync();

        var payload = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new JobRequest("rca", "{nope")));
        var kind = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new JobRequest(" ", "{}")));
        var attempts = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new JobRequest("rca", "{}", MaxAttempts: 0)));
        var key = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "")));
        var lease = await Assert.ThrowsAsync<ArgumentException>(() => queue.LeaseAsync("w1", TimeSpan.Zero));
        var owner = await Assert.ThrowsAsync<ArgumentException>(() => queue.LeaseAsync("", Lease));

        Assert.StartsWith("a job's payload is not valid JSON: ", payload.Message, StringComparison.Ordinal);
        Assert.Equal("a job's kind must not be empty", kind.Message);
        Assert.Equal("a job needs at least one attempt, not 0", attempts.Message);
        Assert.Equal("a job's dedupe key must not be blank (leave it null for none)", key.Message);
        Assert.Equal("a lease must last longer than zero, not 00:00:00", lease.Message);
        Assert.Equal("a lease owner must not be empty", owner.Message);
        Assert.Null(await queue.LeaseAsync("w1", Lease));
    }

    [Fact]
    public async Task ConcurrentWorkersNeverGetTheSameJob()
    {
        const int jobs = 200;
        var queue = await QueueAsync();
        var ids = new List<string>();
        for (var i = 0; i < jobs; i++)
            ids.Add((await queue.EnqueueAsync(new JobRequest("work", $$"""{"n": {{i}}}"""))).Id);
        var workers = Enumerable.Range(1, 4).Select(n => ((IJobQueue)Open(), $"worker-{n}")).ToList();
        var completed = new ConcurrentBag<(string Job, string Worker)>();
        var refused = 0;

        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            var (store, name) = worker;
            while (await store.LeaseAsync(name, TimeSpan.FromMinutes(5)) is { } job)
            {
                if (await store.CompleteAsync(job.Id, name))
                    completed.Add((job.Id, name));
                else
                    Interlocked.Increment(ref refused);
            }
        })));

        Assert.Equal(0, refused);
        Assert.Equal(jobs, completed.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), completed.Select(c => c.Job).Order(StringComparer.Ordinal));
        foreach (var (id, worker) in completed.Take(20))
        {
            var job = (await queue.GetJobAsync(id))!;
            Assert.Equal((JobStatus.Done, worker, 1), (job.Status, job.LeaseOwner, job.Attempts));
        }
    }

    [Fact]
    public async Task UpgradingFromVersionFiveKeepsJobsAndFreesTheKeysOfFinishedOnes()
    {
        var store = Open();
        await MigrateToAsync(store, 5);
        var queue = (IJobQueue)store;
        var done = await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k", Priority: 1));
        var waiting = await queue.EnqueueAsync(new JobRequest("rca", """{"w": true}""", DedupeKey: "w"));
        await queue.LeaseAsync("w1", Lease);
        Assert.True(await queue.CompleteAsync(done.Id, "w1"));

        await store.MigrateAsync();

        Assert.Equal(LatestVersion, await SchemaVersionAsync(store));
        Assert.Equal(JobStatus.Done, (await queue.GetJobAsync(done.Id))!.Status);
        Assert.Equal(new EnqueuedJob(waiting.Id, false), await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "w")));
        Assert.True((await queue.EnqueueAsync(new JobRequest("rca", "{}", DedupeKey: "k", Priority: -1))).Created);
        Assert.Equal(waiting.Id, (await queue.LeaseAsync("w2", Lease))!.Id);
    }
}
