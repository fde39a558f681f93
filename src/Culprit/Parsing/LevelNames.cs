using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Maps the level names of common frameworks to <see cref="LogLevel"/>.</summary>
public static class LevelNames
{
    public static LogLevel Parse(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty)
            return LogLevel.Unknown;
        Span<char> upper = stackalloc char[Math.Min(name.Length, 16)];
        if (name.Length > 16)
            return LogLevel.Unknown;
        name.ToUpperInvariant(upper);
        return upper switch
        {
            "TRACE" or "TRCE" or "FINEST" or "FINER" or "VERBOSE" or "T" => LogLevel.Trace,
            "DEBUG" or "DBUG" or "DBG" or "FINE" or "CONFIG" or "D" => LogLevel.Debug,
            "INFO" or "INF" or "INFORMATION" or "NOTICE" or "I" => LogLevel.Info,
            "WARN" or "WARNING" or "WRN" or "W" => LogLevel.Warn,
            "ERROR" or "ERR" or "FAIL" or "SEVERE" or "E" => LogLevel.Error,
            "FATAL" or "CRITICAL" or "CRIT" or "PANIC" or "ALERT" or "EMERG" or "EMERGENCY" or "F" => LogLevel.Fatal,
            _ => LogLevel.Unknown,
        };
    }

    /// <summary>Syslog severities 0-7.</summary>
    public static LogLevel FromSyslogSeverity(int severity) => severity switch
    {
        <= 2 => LogLevel.Fatal,
        3 => LogLevel.Error,
        4 => LogLevel.Warn,
        5 or 6 => LogLevel.Info,
        _ => LogLevel.Debug,
    };

    /// <summary>Numeric levels: bunyan/pino (10-60) and Python logging (10-50).</summary>
    public static LogLevel FromNumber(long value) => value switch
    {
        >= 60 => LogLevel.Fatal,
        >= 50 => LogLevel.Error,
        >= 40 => LogLevel.Warn,
        >= 30 => LogLevel.Info,
        >= 20 => LogLevel.Debug,
        >= 10 => LogLevel.Trace,
        _ => LogLevel.Unknown,
    };
}
