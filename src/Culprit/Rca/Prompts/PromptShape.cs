namespace Culprit.Rca.Prompts;

/// <summary>How much of the facts a prompt shows; <see cref="RcaPromptBuilder"/> shrinks it until the prompt fits.</summary>
internal sealed class PromptShape(PromptFacts facts)
{
    /// <summary>Index of the first related line shown (older ones are dropped first).</summary>
    public int RelatedFrom { get; set; }

    /// <summary>Whether each candidate's code is shown (its header always is).</summary>
    public bool[] CodeShown { get; } = Enumerable.Repeat(true, facts.Candidates.Count).ToArray();

    public int FrameLimit { get; set; } = Math.Min(facts.Frames.Count, RcaPromptBuilder.MaxFrames);

    /// <summary>Lines either side of the failing line kept of the top candidate's code; null for all of it.</summary>
    public int? TopCodeWindow { get; set; }
}
