using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>
/// Grouping v2 (docs/grouping.md): a log line without an exception is grouped by the anchor of its message
/// template (<see cref="TemplateAnchors"/>) instead of its normalised message. Everything with an exception,
/// and lines without a template, keep their v1 fingerprint unchanged.
/// </summary>
public sealed class FingerprinterV2(IFingerprinter v1, ITemplateAnchorSource anchors) : IFingerprinter
{
    public const string Version = "v2";

    public const string TemplateBasis = "log-template";

    public Fingerprint Compute(LogEntry entry, ExceptionInfo? exception)
    {
        if (exception is not null || anchors.AnchorOf(entry) is not { } anchor)
            return v1.Compute(entry, exception);
        return FingerprintHash.Make(Version, TemplateBasis, [FingerprinterV1.LevelName(entry.Level), entry.Logger ?? "", anchor]);
    }
}
