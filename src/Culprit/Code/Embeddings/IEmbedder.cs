namespace Culprit.Code.Embeddings;

/// <summary>
/// Turns texts into L2-normalised vectors of <see cref="Dimensions"/> floats, so that a dot product is the cosine
/// similarity. Implementations batch and parallelise internally; the same text always gives the same vector.
/// </summary>
public interface IEmbedder
{
    /// <summary>Identifies the model and its settings; stored with each vector so vectors of different models never mix.</summary>
    string Name { get; }

    int Dimensions { get; }

    /// <summary>One vector per text, in input order. An empty text gets the vector of an empty document.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
