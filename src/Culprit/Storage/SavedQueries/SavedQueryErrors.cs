namespace Culprit.Storage.SavedQueries;

/// <summary>The saved-query stores' checks and messages, the same for both backends.</summary>
internal static class SavedQueryErrors
{
    public static string Name(string? name) => StoreInput.Required(name, "a saved query's name");

    public static string Query(string? json) => StoreInput.Json(json, "a saved query");

    public static ArgumentException Taken(string name, string? ownerId) =>
        new(ownerId is null ? $"a shared saved query is already named '{name}'" : $"user '{ownerId}' already has a saved query named '{name}'");

    public static ArgumentException UnknownOwner(string ownerId) => new($"no user has the id '{ownerId}'");
}
