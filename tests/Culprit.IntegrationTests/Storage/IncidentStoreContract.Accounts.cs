using System.Text.Json.Nodes;
using Culprit.Storage.Accounts;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Users, API keys (secret shown once, only a hash kept) and the audit log; bad input writes nothing.</summary>
public abstract partial class IncidentStoreContract
{
    private async Task<IUserStore> UserStoreAsync() => (IUserStore)await OpenMigratedAsync();

    [Fact]
    public async Task UsersAreCreatedListedFoundAndDisabled()
    {
        var store = await UserStoreAsync();
        var lee = await store.CreateUserAsync(" lee ", UserRole.Viewer);
        var dana = await store.CreateUserAsync("dana", UserRole.Admin, "dana@example.com");
        Clock.Now += TimeSpan.FromHours(1);

        Assert.True(await store.DisableUserAsync(lee.Id));
        Clock.Now += TimeSpan.FromHours(1);
        Assert.True(await store.DisableUserAsync(lee.Id));

        Assert.Equal(new UserRecord(dana.Id, "dana", "dana@example.com", UserRole.Admin, Clock.Now.AddHours(-2), null), await store.GetUserAsync(dana.Id));
        Assert.Equal(new UserRecord(lee.Id, "lee", null, UserRole.Viewer, Clock.Now.AddHours(-2), Clock.Now.AddHours(-1)), await store.FindUserByNameAsync("lee"));
        Assert.Equal(["dana", "lee"], (await store.ListUsersAsync()).Select(u => u.Name));
        Assert.Null(await store.GetUserAsync("nobody"));
        Assert.Null(await store.FindUserByNameAsync("nobody"));
        Assert.False(await store.DisableUserAsync("nobody"));
    }

    [Fact]
    public async Task ATakenNameABlankNameOrAnUnknownRoleIsRefusedAndWritesNothing()
    {
        var store = await UserStoreAsync();
        await store.CreateUserAsync("dana", UserRole.Analyst);

        var taken = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateUserAsync("dana", UserRole.Admin));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateUserAsync(" ", UserRole.Admin));
        var role = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateUserAsync("kim", (UserRole)9));
        var parsed = Assert.Throws<ArgumentException>(() => UserRoles.Parse("root"));

        Assert.Equal("a user named 'dana' already exists", taken.Message);
        Assert.Equal("a user name must not be empty", blank.Message);
        Assert.Equal("unknown role 9: expected viewer, analyst or admin", role.Message);
        Assert.Equal("unknown role 'root': expected viewer, analyst or admin", parsed.Message);
        var users = await store.ListUsersAsync();
        Assert.Equal([("dana", UserRole.Analyst)], users.Select(u => (u.Name, u.Role)));
    }

    [Fact]
    public async Task AnApiKeyVerifiesByItsSecretWhichIsShownOnlyOnce()
    {
        var store = await UserStoreAsync();
        var dana = await store.CreateUserAsync("dana", UserRole.Admin);

        var created = await store.CreateApiKeyAsync(dana.Id, "ci", UserRole.Analyst);
        Clock.Now += TimeSpan.FromMinutes(1);
        var other = await store.CreateApiKeyAsync(dana.Id, "laptop");
        Clock.Now += TimeSpan.FromMinutes(3);
        var verified = await store.VerifyApiKeyAsync(created.Secret);

        Assert.Matches("^cpk_[A-Za-z0-9_-]{43}$", created.Secret);
        Assert.Equal(created.Secret[..12], created.Key.Prefix);
        Assert.NotEqual(created.Secret, other.Secret);
        Assert.NotNull(verified);
        Assert.Equal((created.Key.Id, dana.Id, UserRole.Analyst, Clock.Now), (verified.Key.Id, verified.User.Id, verified.Role, verified.Key.LastUsedAt));
        Assert.Equal(UserRole.Admin, (await store.VerifyApiKeyAsync(other.Secret))!.Role);
        var listed = await store.ListApiKeysAsync(dana.Id);
        Assert.Equal(["ci", "laptop"], listed.Select(k => k.Name));
        Assert.Equal(created.Key with { LastUsedAt = Clock.Now }, listed[0]);
        Assert.DoesNotContain(created.Secret, listed.Select(k => k.ToString()).First(), StringComparison.Ordinal);
        Assert.Null(await store.VerifyApiKeyAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await store.VerifyApiKeyAsync(""));
        Assert.Empty(await store.ListApiKeysAsync("nobody"));
    }

    [Fact]
    public async Task RevokedExpiredAndDisabledUsersKeysFail()
    {
        var store = await UserStoreAsync();
        var dana = await store.CreateUserAsync("dana", UserRole.Analyst);
        var lee = await store.CreateUserAsync("lee", UserRole.Analyst);
        var revoked = await store.CreateApiKeyAsync(dana.Id, "revoked");
        Clock.Now += TimeSpan.FromMinutes(1);
        var expiring = await store.CreateApiKeyAsync(dana.Id, "expiring", expiresAt: Clock.Now.AddHours(1));
        var ofLee = await store.CreateApiKeyAsync(lee.Id, "lee's");

        Assert.True(await store.RevokeApiKeyAsync(revoked.Key.Id));
        Assert.False(await store.RevokeApiKeyAsync("nokey"));
        Assert.NotNull(await store.VerifyApiKeyAsync(expiring.Secret));
        Clock.Now += TimeSpan.FromHours(1);
        Assert.True(await store.DisableUserAsync(lee.Id));

        Assert.Null(await store.VerifyApiKeyAsync(revoked.Secret));
        Assert.Null(await store.VerifyApiKeyAsync(expiring.Secret));
        Assert.Null(await store.VerifyApiKeyAsync(ofLee.Secret));
        var keys = await store.ListApiKeysAsync(dana.Id);
        Assert.Equal((Clock.Now.AddHours(-1), (DateTimeOffset?)null), (keys[0].RevokedAt, keys[0].LastUsedAt));
        Assert.Equal((Clock.Now.AddHours(-1), Clock.Now), (keys[1].LastUsedAt, keys[1].ExpiresAt));
    }

    [Fact]
    public async Task KeysForUnknownOrDisabledUsersOrAboveTheUsersRoleAreRefused()
    {
        var store = await UserStoreAsync();
        var lee = await store.CreateUserAsync("lee", UserRole.Viewer);
        var kim = await store.CreateUserAsync("kim", UserRole.Admin);
        await store.DisableUserAsync(kim.Id);

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync("nobody", "k"));
        var above = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync(lee.Id, "k", UserRole.Admin));
        var disabled = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync(kim.Id, "k"));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync(lee.Id, ""));

        Assert.Equal("no user has the id 'nobody'", unknown.Message);
        Assert.Equal("an API key of user 'lee' (viewer) cannot have the higher role admin", above.Message);
        Assert.Equal("user 'kim' is disabled; it cannot get new API keys", disabled.Message);
        Assert.Equal("an API key's name must not be empty", blank.Message);
        Assert.Empty(await store.ListApiKeysAsync(lee.Id));
        Assert.Empty(await store.ListApiKeysAsync(kim.Id));
    }

    [Fact]
    public async Task TheAuditLogIsReadByTimeRangeAndActor()
    {
        var audit = (IAuditLog)await OpenMigratedAsync();
        var first = await audit.AppendAuditAsync(new AuditEvent("dana", "incident.status", "incident", "a1", """{"to": "resolved"}""", "10.0.0.7"));
        Clock.Now += TimeSpan.FromHours(1);
        await audit.AppendAuditAsync(new AuditEvent("lee", "query.save"));
        Clock.Now += TimeSpan.FromHours(1);
        await audit.AppendAuditAsync(new AuditEvent("dana", "key.create", "api_key", "k1"));

        var all = await audit.ListAuditAsync(new AuditQuery());
        var ofDana = await audit.ListAuditAsync(new AuditQuery(Actor: "dana"));
        var middle = await audit.ListAuditAsync(new AuditQuery(From: Clock.Now.AddHours(-1), To: Clock.Now));
        var limited = await audit.ListAuditAsync(new AuditQuery(Limit: 2));

        Assert.Equal(["incident.status", "query.save", "key.create"], all.Select(e => e.Event.Action));
        Assert.Equal((first.Id, Clock.Now.AddHours(-2)), (all[0].Id, all[0].At));
        Assert.True(all[0].Id < all[1].Id && all[1].Id < all[2].Id);
        Assert.Equal(("dana", "incident", "a1", "10.0.0.7"), (all[0].Event.Actor, all[0].Event.TargetKind, all[0].Event.TargetId, all[0].Event.ClientIp));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"to":"resolved"}"""), JsonNode.Parse(all[0].Event.DetailsJson!)));
        Assert.Equal(["incident.status", "key.create"], ofDana.Select(e => e.Event.Action));
        Assert.Equal(["query.save"], middle.Select(e => e.Event.Action));
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task AnAuditEntryWithoutActionOrWithBadDetailsIsRefused()
    {
        var audit = (IAuditLog)await OpenMigratedAsync();

        var action = await Assert.ThrowsAsync<ArgumentException>(() => audit.AppendAuditAsync(new AuditEvent("dana", " ")));
        var details = await Assert.ThrowsAsync<ArgumentException>(() => audit.AppendAuditAsync(new AuditEvent("dana", "x", DetailsJson: "{oops")));

        Assert.Equal("an audit entry's action must not be empty", action.Message);
        Assert.StartsWith("an audit entry's details value is not valid JSON: ", details.Message, StringComparison.Ordinal);
        Assert.Empty(await audit.ListAuditAsync(new AuditQuery()));
    }
}
