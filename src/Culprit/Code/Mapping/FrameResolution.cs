namespace Culprit.Code.Mapping;

/// <summary>
/// Where a frame lands in the repository: the path, the innermost enclosing callable symbol, and how it was found.
/// <see cref="Note"/> says why the path or the symbol is missing; when symbols are unavailable the frame still gets
/// a line window around its line.
/// </summary>
public sealed record FrameResolution
{
    public string? RepoPath { get; init; }

    public CodeSymbol? Symbol { get; init; }

    /// <summary>How the path was found: <c>mapping</c>, <c>exact</c>, <c>suffix</c>, <c>package</c>, <c>module</c>, <c>symbol</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Lines to show when there is no symbol: a window around the frame's line.</summary>
    public (int Start, int End)? Window { get; init; }

    public string? Note { get; init; }

    public bool Resolved => RepoPath is not null;

    public static FrameResolution Unresolved(string note) => new() { Note = note };
}
