using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>What gets grouped, and how much of each incident is kept.</summary>
public sealed class GroupingOptions
{
    /// <summary>Lowest level of a log line without an exception that becomes an incident (default ERROR).</summary>
    public LogLevel MessageLevel { get; set; } = LogLevel.Error;

    /// <summary>Lowest level of an entry with an exception that becomes an incident; entries without a level always count (default: any).</summary>
    public LogLevel ExceptionLevel { get; set; } = LogLevel.Unknown;

    /// <summary>
    /// Group log lines without an exception by their message template (grouping v2, default true); false keeps
    /// grouping v1's normalised message. Entries with an exception are grouped the same either way.
    /// </summary>
    public bool ByTemplate { get; set; } = true;

    /// <summary>Occurrence ids kept per incident (default 1,000); the count is always exact.</summary>
    public int MaxOccurrenceIds { get; set; } = 1000;
}
