namespace Culprit.Storage.Accounts;

/// <summary>The roles as the <c>role</c> columns and the CLI spell them.</summary>
public static class UserRoles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static string ToText(UserRole role) => role switch
    {
        UserRole.Viewer => Viewer,
        UserRole.Analyst => Analyst,
        UserRole.Admin => Admin,
        _ => throw new ArgumentException($"unknown role {(int)role}: expected {Viewer}, {Analyst} or {Admin}"),
    };

    public static bool TryParse(string? text, out UserRole role)
    {
        switch (text)
        {
            case Viewer:
                role = UserRole.Viewer;
                return true;
            case Analyst:
                role = UserRole.Analyst;
                return true;
            case Admin:
                role = UserRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>The role named by <paramref name="text"/>; <see cref="ArgumentException"/> naming the three allowed otherwise.</summary>
    public static UserRole Parse(string? text) =>
        TryParse(text, out var role) ? role : throw new ArgumentException($"unknown role '{text}': expected {Viewer}, {Analyst} or {Admin}");
}
