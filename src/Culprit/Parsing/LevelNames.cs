using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>Maps the level names of common frameworks to <see cref="LogLevel"/>.</summary>
public static class LevelNames
{
    /// <summary>Longest level word recognised ("INFORMATIONAL").</summary>
    internal const int MaxWordLength = 13;

    /// <summary>
    /// A level name in any case: log4j/logback, Serilog (u3 and u4), NLog, Python, java.util.logging,
    /// syslog, Microsoft.Extensions.Logging, logrus (ERRO, DEBU …), log15 (eror, dbug) and one-letter forms.
    /// </summary>
    public static LogLevel Parse(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty || name.Length > MaxWordLength)
            return LogLevel.Unknown;
        Span<char> upper = stackalloc char[MaxWordLength];
        upper = upper[..name.Length];
        name.ToUpperInvariant(upper);
        return upper switch
        {
            "TRACE" or "TRCE" or "TRAC" or "FINEST" or "FINER" or "VERBOSE" or "VERB" or "VRB" or "T" or "V" => LogLevel.Trace,
            "DEBUG" or "DBUG" or "DEBU" or "DBG" or "FINE" or "CONFIG" or "D" => LogLevel.Debug,
            "INFO" or "INF" or "INFORMATION" or "INFORMATIONAL" or "NOTICE" or "I" => LogLevel.Info,
            "WARN" or "WARNING" or "WRN" or "W" => LogLevel.Warn,
            "ERROR" or "ERR" or "ERRO" or "EROR" or "FAIL" or "SEVERE" or "E" => LogLevel.Error,
            "FATAL" or "FATA" or "FATL" or "FTL" or "CRITICAL" or "CRIT" or "PANIC" or "PANI" or "ALERT" or "EMERG" or "EMERGENCY" or "F" => LogLevel.Fatal,
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

    /// <summary>
    /// Numeric levels: syslog severities (0-7, as GELF writes them), bunyan/pino (10-60) and Python logging
    /// (10-50). Anything else (an HTTP status in a <c>status</c> field) is not a level.
    /// </summary>
    public static LogLevel FromNumber(long value) => value switch
    {
        >= 0 and <= 7 => FromSyslogSeverity((int)value),
        60 => LogLevel.Fatal,
        > 60 => LogLevel.Unknown,
        >= 50 => LogLevel.Error,
        >= 40 => LogLevel.Warn,
        >= 30 => LogLevel.Info,
        >= 20 => LogLevel.Debug,
        >= 10 => LogLevel.Trace,
        _ => LogLevel.Unknown,
    };
}
