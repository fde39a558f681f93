namespace Culprit.Storage.Jobs;

/// <summary>The job a request ended up as: a new one, or (<see cref="Created"/> false) the pending job that already had its dedupe key.</summary>
public sealed record EnqueuedJob(string Id, bool Created);
