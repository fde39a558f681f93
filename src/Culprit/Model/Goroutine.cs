namespace Culprit.Model;

/// <summary>One goroutine of a Go panic dump.</summary>
public sealed class Goroutine
{
    public int Id { get; set; }

    /// <summary>Text inside the brackets, e.g. <c>running</c> or <c>chan receive</c>.</summary>
    public string State { get; set; } = "";

    public List<Frame> Frames { get; } = [];

    public Frame? CreatedBy { get; set; }
}
