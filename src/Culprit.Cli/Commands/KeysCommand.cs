using System.CommandLine;
using Culprit.Cli.Output;
using Culprit.Storage.Accounts;

namespace Culprit.Cli.Commands;

/// <summary>
/// <c>culprit keys create USER [--name N] [--role R] [--expires T]</c> (prints the secret, once),
/// <c>culprit keys list USER</c> and <c>culprit keys revoke KEY_ID</c>.
/// </summary>
public static class KeysCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("keys", "Create, list and revoke users' API keys");
        command.Subcommands.Add(CreateKey(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Revoke(console));
        return command;
    }

    private static Command CreateKey(CliConsole console)
    {
        var user = new Argument<string>("USER") { Description = "The name of the user the key acts for" };
        var name = new Option<string>("--name") { Description = "What the key is for (default: cli)", DefaultValueFactory = _ => "cli" };
        var role = new Option<string?>("--role") { Description = "A role lower than the user's, for this key only" };
        var expires = new Option<string?>("--expires") { Description = "When the key stops working, ISO-8601" };
        var command = new Command("create", "Create an API key and print its secret (shown only this once)") { user, name, role, expires };
        command.SetAction(async (parse, cancel) =>
        {
            var narrowed = parse.GetValue(role) is { } r ? UsersCommand.Role(r, "--role") : (UserRole?)null;
            var until = parse.GetValue(expires) is { } e ? DeployCommand.Time(e, "--expires") : (DateTimeOffset?)null;
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var store = UsersCommand.Store(stores);
            var owner = await UsersCommand.FindAsync(store, parse.GetValue(user)!, cancel);
            CreatedApiKey created;
            try
            {
                created = await store.CreateApiKeyAsync(owner.Id, parse.GetValue(name)!, narrowed, until, cancel);
            }
            catch (ArgumentException error)
            {
                throw new UsageException(error.Message);
            }

            console.Out.WriteLine(created.Secret);
            console.Error.WriteLine($"Created API key {created.Key.Id} ({created.Key.Prefix}…) for {owner.Name}. Store the secret now: it cannot be shown again.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var user = new Argument<string>("USER") { Description = "The user whose keys to list" };
        var command = new Command("list", "List a user's API keys (never their secrets)") { user };
        command.SetAction(async (parse, cancel) =>
        {
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var store = UsersCommand.Store(stores);
            var owner = await UsersCommand.FindAsync(store, parse.GetValue(user)!, cancel);
            var keys = await store.ListApiKeysAsync(owner.Id, cancel);
            if (keys.Count == 0)
            {
                console.Out.WriteLine($"{owner.Name} has no API keys. Create one with 'culprit keys create {owner.Name}'.");
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"{"id",-32}  {"prefix",-12}  {"name",-16}  {"role",-8}  {"created at",-24}  {"last used",-24}  state");
            foreach (var k in keys)
            {
                var state = k.RevokedAt is not null ? "revoked" : k.ExpiresAt is { } x && x <= TimeProvider.System.GetUtcNow() ? "expired" : "active";
                var used = k.LastUsedAt is { } u ? JsonTime.Format(u) : "never";
                console.Out.WriteLine($"{k.Id,-32}  {k.Prefix,-12}  {k.Name,-16}  {(k.Role is { } r ? UserRoles.ToText(r) : "(user's)"),-8}  {JsonTime.Format(k.CreatedAt),-24}  {used,-24}  {state}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var id = new Argument<string>("KEY_ID") { Description = "The key's id (see 'culprit keys list USER')" };
        var command = new Command("revoke", "Revoke an API key") { id };
        command.SetAction(async (parse, cancel) =>
        {
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var keyId = parse.GetValue(id)!;
            if (!await UsersCommand.Store(stores).RevokeApiKeyAsync(keyId, cancel))
                throw new UsageException($"no API key has the id '{keyId}'; 'culprit keys list USER' shows them");
            console.Out.WriteLine($"Revoked API key {keyId}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
