namespace Culprit.Storage.Accounts;

/// <summary>The user, key and audit stores' checks and messages, the same for both backends.</summary>
internal static class AccountErrors
{
    public static string UserName(string? name) => StoreInput.Required(name, "a user name");

    public static string KeyName(string? name) => StoreInput.Required(name, "an API key's name");

    public static ArgumentException NameTaken(string name) => new($"a user named '{name}' already exists");

    public static ArgumentException UnknownUser(string userId) => new($"no user has the id '{userId}'");

    public static ArgumentException DisabledUser(UserRecord user) => new($"user '{user.Name}' is disabled; it cannot get new API keys");

    public static ArgumentException RoleAboveUser(UserRole keyRole, UserRecord user) =>
        new($"an API key of user '{user.Name}' ({UserRoles.ToText(user.Role)}) cannot have the higher role {UserRoles.ToText(keyRole)}");

    public static UserRole ReadRole(string text) =>
        UserRoles.TryParse(text, out var role) ? role : throw new InvalidDataException($"a stored role is the unknown '{text}'");

    /// <summary>The event with its text checked: a non-blank action, details that are one JSON value when given.</summary>
    public static AuditEvent Checked(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return auditEvent with
        {
            Action = StoreInput.Required(auditEvent.Action, "an audit entry's action"),
            DetailsJson = auditEvent.DetailsJson is null ? null : StoreInput.Json(auditEvent.DetailsJson, "an audit entry's details value"),
        };
    }
}
