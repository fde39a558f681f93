using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>Computes the grouping key of one occurrence.</summary>
public interface IFingerprinter
{
    /// <summary>The fingerprint of <paramref name="exception"/> (or, when null, of the entry's message).</summary>
    Fingerprint Compute(LogEntry entry, ExceptionInfo? exception);
}
