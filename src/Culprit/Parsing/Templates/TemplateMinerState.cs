using System.Text.Json;
using System.Text.Json.Serialization;

namespace Culprit.Parsing.Templates;

/// <summary>
/// Everything a <see cref="TemplateMiner"/> needs to continue where it stopped, as plain data: the live
/// templates (tokens, counts, first/last seen, examples) and the ids of templates merged away. Serialises
/// to JSON (<see cref="ToJson"/>, <see cref="ToUtf8Bytes"/>); <see cref="ITemplateStateStore"/> persists it.
/// The cache of token shapes is not saved: it refills from the templates on the next lines.
/// </summary>
public sealed class TemplateMinerState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public List<TemplateState> Templates { get; set; } = [];

    /// <summary>Id of a template merged away → id of the template that replaced it.</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Not used by the miner: grouping v2's anchors of this scope (template id → id of the template its incident was
    /// created with, see <c>Grouping.TemplateAnchors</c>), saved with the templates they refer to. Empty when none.
    /// </summary>
    public Dictionary<string, string> IncidentAnchors { get; set; } = new(StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, TemplateStateJsonContext.Default.TemplateMinerState);

    public byte[] ToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(this, TemplateStateJsonContext.Default.TemplateMinerState);

    /// <summary>Reads a state written by <see cref="ToJson"/> or <see cref="ToUtf8Bytes"/>; false with the reason when it does not read.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out TemplateMinerState? state, out string? error)
    {
        state = null;
        error = null;
        try
        {
            state = JsonSerializer.Deserialize(utf8Json, TemplateStateJsonContext.Default.TemplateMinerState);
        }
        catch (JsonException e)
        {
            error = $"template state is not valid JSON: {e.Message}";
            return false;
        }

        if (state is null || state.Version != CurrentVersion)
        {
            error = state is null ? "template state is empty" : $"template state version {state.Version} is not {CurrentVersion}";
            state = null;
            return false;
        }

        return true;
    }
}
