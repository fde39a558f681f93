namespace Culprit.Exceptions;

/// <summary>The built-in trace parsers, in the order they are tried at each line.</summary>
public static class TraceParsers
{
    /// <remarks>
    /// Formats with an unmistakable header come first (Python's "Traceback", Go's "panic:", Rust's
    /// "panicked at", PHP's "Stack trace:"); the "Type: message" + "at ..." family after, where the
    /// frame syntax tells Java, .NET and Node apart.
    /// </remarks>
    public static IReadOnlyList<ITraceParser> All() =>
    [
        new PythonTraceParser(),
        new GoTraceParser(),
        new RustTraceParser(),
        new PhpTraceParser(),
        new DotNetTraceParser(),
        new JavaTraceParser(),
        new NodeTraceParser(),
        new RubyTraceParser(),
    ];
}
