namespace Culprit.Code.Index;

/// <summary>How big chunks get. The defaults keep a chunk inside MiniLM's 256-token window most of the time.</summary>
public sealed class ChunkerOptions
{
    /// <summary>Lines per chunk; longer bodies are cut into windows. Default 60.</summary>
    public int MaxLines { get; init; } = 60;

    /// <summary>Characters of code per chunk; a window is shortened (whole lines) to fit. Default 4096.</summary>
    public int MaxChars { get; init; } = 4096;

    /// <summary>Lines shared by consecutive windows of one body, so a statement cut at a border is whole in one. Default 10.</summary>
    public int OverlapLines { get; init; } = 10;

    /// <summary>Lines of a type's header (declaration, fields) before its first member. Default 30.</summary>
    public int MaxHeaderLines { get; init; } = 30;

    /// <summary>Characters of a doc comment put in the document. Default 500.</summary>
    public int MaxDocChars { get; init; } = 500;

    public void Validate()
    {
        var problems = new List<string>();
        if (MaxLines < 1)
            problems.Add($"MaxLines must be at least 1 (was {MaxLines})");
        if (MaxChars < 80)
            problems.Add($"MaxChars must be at least 80 (was {MaxChars})");
        if (OverlapLines < 0 || OverlapLines >= MaxLines)
            problems.Add($"OverlapLines must be from 0 to MaxLines - 1 (was {OverlapLines})");
        if (MaxHeaderLines < 1)
            problems.Add($"MaxHeaderLines must be at least 1 (was {MaxHeaderLines})");
        if (problems.Count > 0)
            throw new ArgumentException("Invalid chunker options: " + string.Join("; ", problems) + ".");
    }
}
