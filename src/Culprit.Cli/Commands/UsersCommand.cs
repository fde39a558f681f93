using System.CommandLine;
using Culprit.Cli.Output;
using Culprit.Storage;
using Culprit.Storage.Accounts;

namespace Culprit.Cli.Commands;

/// <summary><c>culprit users add NAME --role viewer|analyst|admin [--email E]</c>, <c>culprit users list</c> and <c>culprit users disable NAME</c>.</summary>
public static class UsersCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("users", "Add, list and disable the users of the server (API keys: 'culprit keys')");
        command.Subcommands.Add(Add(console));
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Disable(console));
        return command;
    }

    /// <summary>The role named by an option's text; a usage error naming the three otherwise.</summary>
    internal static UserRole Role(string? text, string option) =>
        UserRoles.TryParse(text, out var role)
            ? role
            : throw new UsageException($"{option}: unknown role '{text}' (use {UserRoles.Viewer}, {UserRoles.Analyst} or {UserRoles.Admin})");

    internal static IUserStore Store(StoreSet stores) =>
        stores.Incidents as IUserStore ?? throw new InvalidOperationException($"The incident store ({stores.Description}) does not keep users.");

    internal static async Task<UserRecord> FindAsync(IUserStore store, string name, CancellationToken cancel) =>
        await store.FindUserByNameAsync(name, cancel) ?? throw new UsageException($"no user is named '{name}'; 'culprit users list' shows them");

    private static Command Add(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The user's name (unique)" };
        var role = new Option<string>("--role") { Description = "viewer, analyst or admin", Required = true };
        var email = new Option<string?>("--email") { Description = "The user's e-mail address" };
        var command = new Command("add", "Add a user") { name, role, email };
        command.SetAction(async (parse, cancel) =>
        {
            var granted = Role(parse.GetValue(role), "--role");
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            UserRecord user;
            try
            {
                user = await Store(stores).CreateUserAsync(parse.GetValue(name)!, granted, parse.GetValue(email), cancel);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            console.Out.WriteLine($"Added user {user.Name} ({UserRoles.ToText(user.Role)}), id {user.Id}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console)
    {
        var command = new Command("list", "List the users by name");
        command.SetAction(async (parse, cancel) =>
        {
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var users = await Store(stores).ListUsersAsync(cancel);
            if (users.Count == 0)
            {
                console.Out.WriteLine("No users. Add one with 'culprit users add NAME --role analyst'.");
                return ExitCodes.Ok;
            }

            console.Out.WriteLine($"{"name",-20}  {"role",-8}  {"id",-32}  {"created at",-24}  disabled at");
            foreach (var u in users)
                console.Out.WriteLine($"{u.Name,-20}  {UserRoles.ToText(u.Role),-8}  {u.Id,-32}  {JsonTime.Format(u.CreatedAt),-24}  {(u.DisabledAt is { } d ? JsonTime.Format(d) : "-")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Disable(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The user to disable; its API keys stop working" };
        var command = new Command("disable", "Disable a user") { name };
        command.SetAction(async (parse, cancel) =>
        {
            await using var stores = await CliStores.OpenAsync(GlobalOptions.Storage(parse), cancel);
            var store = Store(stores);
            var user = await FindAsync(store, parse.GetValue(name)!, cancel);
            await store.DisableUserAsync(user.Id, cancel);
            console.Out.WriteLine($"Disabled user {user.Name}; its API keys no longer work.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
