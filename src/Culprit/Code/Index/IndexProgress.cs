namespace Culprit.Code.Index;

/// <summary>
/// Where an indexing run is. <see cref="Phase"/> is <c>list</c>, <c>parse</c>, <c>chunk</c>, <c>embed</c>, <c>store</c>
/// or <c>record</c>; <see cref="Done"/> of <see cref="Total"/> counts files (chunks in <c>embed</c>, where the total
/// grows batch by batch).
/// </summary>
public sealed record IndexProgress(string Phase, int Done, int Total)
{
    /// <summary>Files parsed and stored so far, of <see cref="FilesToParse"/>.</summary>
    public int FilesDone { get; init; }

    public int FilesToParse { get; init; }

    /// <summary>Files read, parsed and chunked so far (ahead of <see cref="FilesDone"/> while a batch is embedded and stored).</summary>
    public int FilesParsed { get; init; }

    /// <summary>Chunks made so far.</summary>
    public int Chunks { get; init; }

    /// <summary>Chunks embedded so far (those whose vector was stored already are not counted).</summary>
    public int ChunksEmbedded { get; init; }
}
