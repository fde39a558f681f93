namespace Culprit.Storage.ClickHouse;

/// <summary>ClickHouse could not be reached, or refused a statement; the message names the server's URL.</summary>
public sealed class ClickHouseException : Exception
{
    public ClickHouseException()
    {
    }

    public ClickHouseException(string message)
        : base(message)
    {
    }

    public ClickHouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClickHouseException(string message, int? code, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>The server's error code (<c>Code: N</c>), when the server answered with one.</summary>
    public int? Code { get; }
}
