namespace Culprit.Parsing;

/// <summary>The formats <see cref="EntryParser"/> tells apart; it remembers the last one per source.</summary>
internal enum EntryFormat
{
    Unknown,
    Json,
    Logfmt,
    Syslog,
    Plain,
}
