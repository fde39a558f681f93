using System.Buffers;
using Culprit.Exceptions;
using Culprit.Framing;
using Culprit.Model;
using Culprit.Parsing;

namespace Culprit.Pipeline;

/// <summary>Parses a framed entry and extracts its exceptions: the per-entry work of every command.</summary>
public sealed class EntryProcessor
{
    private readonly IEntryParser _parser;
    private readonly ExceptionExtractor _extractor;

    public EntryProcessor(IEntryParser parser, ExceptionExtractor extractor)
    {
        _parser = parser;
        _extractor = extractor;
    }

    public static EntryProcessor CreateDefault(InAppRules? inApp = null) => new(new EntryParser(), ExceptionExtractor.CreateDefault(inApp));

    public LogEntry Process(RawEntry raw)
    {
        var entry = _parser.Parse(raw);
        if (entry.ExceptionText is { } text)
        {
            _extractor.Extract(TraceLines.FromText(text, raw.FirstLine, allOnOneLine: true), entry.Exceptions);
        }
        else if (entry.Format == "json")
        {
            if (entry.Message.Contains('\n', StringComparison.Ordinal))
                _extractor.Extract(TraceLines.FromText(entry.Message, raw.FirstLine, allOnOneLine: true), entry.Exceptions);
        }
        else if (MayHoldTrace(raw))
        {
            _extractor.Extract(new TraceLines([.. raw.Lines], raw.FirstLine), entry.Exceptions);
        }

        return entry;
    }

    /// <summary>
    /// Words without which a one-line entry cannot hold a trace: a throwable's ToString() names a type
    /// ending in one of them, Node's bracket form says Error, one-line PHP records say stacktrace.
    /// </summary>
    private static readonly SearchValues<string> OneLineTraceWords =
        SearchValues.Create(["Exception", "Error", "Throwable", "Failure", "Fault", "stacktrace", "panic", "Traceback"], StringComparison.Ordinal);

    /// <summary>Most log lines are one line without any trace word: skip the parsers for them.</summary>
    private static bool MayHoldTrace(RawEntry raw) =>
        raw.Lines.Count > 1 || raw.Lines[0].AsSpan().IndexOfAny(OneLineTraceWords) >= 0;
}
