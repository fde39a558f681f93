namespace Culprit.Parsing.Templates;

/// <summary>The tokens of one message, reused from line to line so that tokenizing allocates nothing.</summary>
public sealed class TokenBuffer
{
    private LogToken[] _tokens = new LogToken[64];

    public int Count { get; private set; }

    public ReadOnlySpan<LogToken> Tokens => _tokens.AsSpan(0, Count);

    public ref readonly LogToken this[int index] => ref _tokens[index];

    public void Clear() => Count = 0;

    internal void Add(int start, int end, TokenKind kind, bool spaceBefore)
    {
        if (Count == _tokens.Length)
            Array.Resize(ref _tokens, _tokens.Length * 2);
        _tokens[Count++] = new LogToken(start, end - start, kind, spaceBefore);
    }
}
