using System.Net.Sockets;
using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>The PostgreSQL failures a user can meet and fix (server down, wrong database or login), as messages naming the server.</summary>
internal static class PostgresFailures
{
    public static StorageException? Translate(NpgsqlException e, string location) => e switch
    {
        PostgresException { SqlState: "3D000" } => new StorageException(StorageFailureKind.Unreachable, location, $"The PostgreSQL database {location} does not exist; create it first ({e.Message}).", e),
        PostgresException { SqlState: "28P01" or "28000" } => new StorageException(StorageFailureKind.Unreachable, location, $"PostgreSQL at {location} refused the login ({e.Message}).", e),
        PostgresException { SqlState: "57P03" or "53300" } => new StorageException(StorageFailureKind.Unreachable, location, $"PostgreSQL at {location} does not accept connections now ({e.Message}).", e),
        PostgresException => null,
        { InnerException: SocketException or IOException or TimeoutException } => new StorageException(StorageFailureKind.Unreachable, location, $"PostgreSQL at {location} is unreachable ({e.InnerException.Message}).", e),
        _ => null,
    };

    /// <summary>host:port/database, never the password.</summary>
    public static string Location(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
