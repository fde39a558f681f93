using System.Text.Json.Nodes;
using Culprit.Storage.Accounts;
using Culprit.Storage.SavedQueries;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Saved queries: names unique per owner, JSON kept, rename and delete; bad input writes nothing.</summary>
public abstract partial class IncidentStoreContract
{
    private const string ErrorsQuery = """{"text": "timeout", "filters": {"service": ["api", "web"], "level": "error"}, "window": "24h"}""";

    private async Task<(ISavedQueryStore Queries, string Dana, string Lee)> SavedQueryStoreAsync()
    {
        var store = await OpenMigratedAsync();
        var users = (IUserStore)store;
        var dana = await users.CreateUserAsync("dana", UserRole.Analyst);
        var lee = await users.CreateUserAsync("lee", UserRole.Viewer);
        return ((ISavedQueryStore)store, dana.Id, lee.Id);
    }

    [Fact]
    public async Task ASavedQueryRoundTripsAndCanBeRenamedAndDeleted()
    {
        var (store, dana, _) = await SavedQueryStoreAsync();

        var saved = await store.SaveQueryAsync(" errors today ", ErrorsQuery, dana);
        Clock.Now += TimeSpan.FromMinutes(5);
        Assert.True(await store.RenameQueryAsync(saved.Id, "timeouts"));
        var renamed = await store.GetQueryAsync(saved.Id);

        Assert.Equal("errors today", saved.Name);
        Assert.Equal(dana, saved.OwnerId);
        Assert.NotNull(renamed);
        Assert.Equal(("timeouts", dana, Clock.Now.AddMinutes(-5), Clock.Now), (renamed.Name, renamed.OwnerId, renamed.CreatedAt, renamed.UpdatedAt));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ErrorsQuery), JsonNode.Parse(renamed.QueryJson)));
        Assert.True(await store.DeleteQueryAsync(saved.Id));
        Assert.Null(await store.GetQueryAsync(saved.Id));
        Assert.False(await store.DeleteQueryAsync(saved.Id));
        Assert.False(await store.RenameQueryAsync(saved.Id, "again"));
    }

    [Fact]
    public async Task QueryNamesAreUniquePerOwner()
    {
        var (store, dana, lee) = await SavedQueryStoreAsync();
        await store.SaveQueryAsync("errors", ErrorsQuery, dana);
        await store.SaveQueryAsync("b-slow", "{}", dana);
        await store.SaveQueryAsync("errors", "{}", lee);
        await store.SaveQueryAsync("errors", "[1]", ownerId: null);

        var again = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("errors", "{}", dana));
        var sharedAgain = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("errors", "{}", ownerId: null));

        Assert.Equal($"user '{dana}' already has a saved query named 'errors'", again.Message);
        Assert.Equal("a shared saved query is already named 'errors'", sharedAgain.Message);
        Assert.Equal(["b-slow", "errors"], (await store.ListQueriesAsync(dana)).Select(q => q.Name));
        Assert.Equal(["errors"], (await store.ListQueriesAsync(lee)).Select(q => q.Name));
        Assert.Equal(["[1]"], (await store.ListQueriesAsync(null)).Select(q => q.QueryJson));
    }

    [Fact]
    public async Task RenamingOntoATakenNameIsRefusedAndKeepsTheOldName()
    {
        var (store, dana, _) = await SavedQueryStoreAsync();
        var errors = await store.SaveQueryAsync("errors", ErrorsQuery, dana);
        var slow = await store.SaveQueryAsync("slow", "{}", dana);

        var taken = await Assert.ThrowsAsync<ArgumentException>(() => store.RenameQueryAsync(slow.Id, "errors"));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => store.RenameQueryAsync(slow.Id, "  "));

        Assert.Equal($"user '{dana}' already has a saved query named 'errors'", taken.Message);
        Assert.Equal("a saved query's name must not be empty", blank.Message);
        Assert.Equal(["errors", "slow"], (await store.ListQueriesAsync(dana)).Select(q => q.Name));
        Assert.Equal(errors.Id, (await store.ListQueriesAsync(dana))[0].Id);
    }

    [Fact]
    public async Task ABadQueryOrAnUnknownOwnerIsRefusedAndWritesNothing()
    {
        var (store, dana, _) = await SavedQueryStoreAsync();

        var json = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("broken", """{"text": """, dana));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("empty", "", dana));
        var owner = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("orphan", "{}", "no-such-user"));
        var name = await Assert.ThrowsAsync<ArgumentException>(() => store.SaveQueryAsync("", "{}", dana));

        Assert.StartsWith("a saved query is not valid JSON: ", json.Message, StringComparison.Ordinal);
        Assert.Equal("a saved query must be JSON, not empty", empty.Message);
        Assert.Equal("no user has the id 'no-such-user'", owner.Message);
        Assert.Equal("a saved query's name must not be empty", name.Message);
        Assert.Empty(await store.ListQueriesAsync(dana));
        Assert.Empty(await store.ListQueriesAsync(null));
    }
}
