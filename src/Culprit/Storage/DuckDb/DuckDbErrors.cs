using DuckDB.NET.Data;

namespace Culprit.Storage.DuckDb;

/// <summary>Turns DuckDB's errors on opening a file into messages that name the file and say what to do.</summary>
internal static class DuckDbErrors
{
    public static Exception Opening(string path, DuckDBException e)
    {
        var message = e.Message;
        if (message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            return new IOException($"{path} is in use by another process (DuckDB allows one writer per file): {message}", e);
        return new InvalidDataException(
            $"{path} is not a readable DuckDB log store; it may be damaged or from another program. Move it aside to start a new one. ({message})", e);
    }
}
