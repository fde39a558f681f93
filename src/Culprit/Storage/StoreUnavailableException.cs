namespace Culprit.Storage;

/// <summary>A store cannot be used: its server is unreachable, or its file is not a database. The message names which.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
