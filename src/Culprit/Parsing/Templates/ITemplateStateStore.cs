namespace Culprit.Parsing.Templates;

/// <summary>
/// Where a miner's state lives between runs, so that incremental runs keep template ids. One state per
/// scope (a service, a source): templates of unrelated logs do not mix.
/// </summary>
public interface ITemplateStateStore
{
    /// <summary>The saved state of a scope, or null when there is none yet.</summary>
    ValueTask<TemplateMinerState?> LoadAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>Replaces the saved state of a scope.</summary>
    ValueTask SaveAsync(string scope, TemplateMinerState state, CancellationToken cancellationToken = default);
}
