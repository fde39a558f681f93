namespace Culprit.Code.Index;

/// <summary>Time spent in each phase of an indexing run.</summary>
public sealed record IndexTimings(TimeSpan List, TimeSpan Parse, TimeSpan Chunk, TimeSpan Embed, TimeSpan Store)
{
    public TimeSpan Total => List + Parse + Chunk + Embed + Store;
}
