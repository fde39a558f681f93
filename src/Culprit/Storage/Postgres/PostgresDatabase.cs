using Npgsql;

namespace Culprit.Storage.Postgres;

/// <summary>A pooled PostgreSQL data source whose user-facing failures become a <see cref="StorageException"/> naming the server.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly bool _ownsSource;

    public PostgresDatabase(NpgsqlDataSource source, bool ownsSource)
    {
        _source = source;
        _ownsSource = ownsSource;
        Location = PostgresFailures.Location(source.ConnectionString);
    }

    public string Location { get; }

    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        catch (NpgsqlException e) when (PostgresFailures.Translate(e, Location) is { } failure)
        {
            throw failure;
        }
    }

    public ValueTask DisposeAsync() => _ownsSource ? _source.DisposeAsync() : ValueTask.CompletedTask;
}
