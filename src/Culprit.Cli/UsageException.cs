namespace Culprit.Cli;

/// <summary>Bad usage found after parsing (a missing file, a bad duration): exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
