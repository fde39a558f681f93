using Culprit.Model;

namespace Culprit.Grouping;

/// <summary>Where grouping v2 learns the anchor template of an entry (see <see cref="TemplateAnchors"/>).</summary>
public interface ITemplateAnchorSource
{
    /// <summary>The anchor template id of the entry's message, or null when the entry has no template.</summary>
    string? AnchorOf(LogEntry entry);
}
