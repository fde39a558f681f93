namespace Culprit.Model;

/// <summary>Normalised severity; <see cref="Unknown"/> when the entry states none.</summary>
public enum LogLevel
{
    Unknown = 0,
    Trace = 1,
    Debug = 2,
    Info = 3,
    Warn = 4,
    Error = 5,
    Fatal = 6,
}
