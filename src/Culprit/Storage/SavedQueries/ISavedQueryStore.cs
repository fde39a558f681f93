namespace Culprit.Storage.SavedQueries;

/// <summary>
/// Saved queries (the <c>saved_queries</c> table): names are unique per owner. Both incident stores implement it.
/// Bad input — a blank name, JSON that does not parse, an owner that is not a user, a name the owner already
/// uses — is an <see cref="ArgumentException"/> with a message meant for the user, and nothing is written.
/// </summary>
public interface ISavedQueryStore
{
    /// <summary>Stores a new query named <paramref name="name"/> for <paramref name="ownerId"/> (null: shared).</summary>
    Task<SavedQuery> SaveQueryAsync(string name, string queryJson, string? ownerId, CancellationToken cancellationToken = default);

    /// <summary>The queries of one owner (the shared ones when null), by name.</summary>
    Task<IReadOnlyList<SavedQuery>> ListQueriesAsync(string? ownerId, CancellationToken cancellationToken = default);

    Task<SavedQuery?> GetQueryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Renames a query; false when there is no such query.</summary>
    Task<bool> RenameQueryAsync(string id, string newName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a query; false when there is no such query.</summary>
    Task<bool> DeleteQueryAsync(string id, CancellationToken cancellationToken = default);
}
