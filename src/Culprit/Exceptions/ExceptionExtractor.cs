using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Finds every trace in an entry's lines: at each line the runtime parsers are asked in turn whether a
/// trace starts there; the first that reads one consumes its lines and the scan goes on after them.
/// </summary>
public sealed class ExceptionExtractor
{
    private readonly ITraceParser[] _parsers;
    private readonly InAppRules _inApp;

    public ExceptionExtractor(IEnumerable<ITraceParser> parsers, InAppRules inApp)
    {
        _parsers = [.. parsers];
        _inApp = inApp;
    }

    /// <summary>An extractor with every built-in runtime parser and the default in-app rules.</summary>
    public static ExceptionExtractor CreateDefault(InAppRules? inApp = null) => new(TraceParsers.All(), inApp ?? InAppRules.Default);

    /// <summary>Appends the exceptions found in <paramref name="lines"/> to <paramref name="into"/>, in order of appearance.</summary>
    public void Extract(TraceLines lines, List<ExceptionInfo> into)
    {
        var i = 0;
        while (i < lines.Count)
        {
            if (!TryParseAt(lines, i, out var match))
            {
                i++;
                continue;
            }

            var exception = match.Exception;
            exception.FirstLine = lines.LineNumber(match.FirstIndex);
            exception.LastLine = lines.LineNumber(match.LastIndex);
            if (exception.Raw.Length == 0)
                exception.Raw = lines.Join(match.FirstIndex, match.LastIndex);
            _inApp.Apply(exception);
            into.Add(exception);
            i = Math.Max(match.LastIndex + 1, i + 1);
        }
    }

    private bool TryParseAt(TraceLines lines, int index, out TraceMatch match)
    {
        foreach (var parser in _parsers)
        {
            if (parser.TryParse(lines, index, out match))
            {
                match.Exception.Runtime = parser.Runtime;
                return true;
            }
        }

        match = default;
        return false;
    }
}
