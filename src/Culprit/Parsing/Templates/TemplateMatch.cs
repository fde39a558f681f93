namespace Culprit.Parsing.Templates;

/// <summary>
/// The template of one message and where its parameters are in it. Valid until the miner's next call (it
/// points into the message and the miner's token buffer); <see cref="Parameters"/> copies them out.
/// </summary>
public readonly ref struct TemplateMatch
{
    private readonly ReadOnlySpan<char> _message;
    private readonly ReadOnlySpan<LogToken> _tokens;
    private readonly int[] _plan;
    private readonly TemplateChars _chars;

    internal TemplateMatch(Template template, ReadOnlySpan<char> message, ReadOnlySpan<LogToken> tokens, int[] plan, TemplateChars chars)
    {
        Template = template;
        _message = message;
        _tokens = tokens;
        _plan = plan;
        _chars = chars;
    }

    public Template Template { get; }

    public int ParameterCount => _plan.Length / 2;

    /// <summary>The text of parameter <paramref name="index"/> (the <c>index</c>-th <c>&lt;*&gt;</c>), without copying.</summary>
    public ReadOnlySpan<char> ParameterSpan(int index)
    {
        var first = _plan[2 * index];
        var end = _plan[(2 * index) + 1];
        if (end == first)
        {
            var at = first < _tokens.Length ? _tokens[first].Start : _message.Length;
            return _message.Slice(at, 0);
        }

        var start = _tokens[first].Start;
        return _message[start.._tokens[end - 1].End];
    }

    /// <summary>Every parameter, in order, with its inferred type.</summary>
    public TemplateParameter[] Parameters()
    {
        var result = new TemplateParameter[ParameterCount];
        for (var i = 0; i < result.Length; i++)
        {
            var span = ParameterSpan(i);
            result[i] = new TemplateParameter(span.ToString(), ParameterTypes.Infer(span, _chars));
        }

        return result;
    }
}
