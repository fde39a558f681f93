namespace Culprit.Model;

/// <summary>One stack frame as the runtime printed it.</summary>
public sealed class Frame
{
    /// <summary>Function or method name without its parameter list; null when the format has none.</summary>
    public string? Function { get; set; }

    /// <summary>Class, namespace or package qualifier where the format has one.</summary>
    public string? Module { get; set; }

    /// <summary>File or URL exactly as printed.</summary>
    public string? File { get; set; }

    public int? Line { get; set; }

    public int? Column { get; set; }

    /// <summary>True when the frame belongs to the user's own code (see <c>InAppRules</c>).</summary>
    public bool InApp { get; set; }

    /// <summary>The printed line(s) this frame was read from.</summary>
    public string Raw { get; set; } = "";
}
