namespace Culprit.Exceptions.Java;

/// <summary>What a line inside a JVM trace is.</summary>
internal enum JavaLineKind
{
    /// <summary>Not part of a trace's body: message text, a log line, anything else.</summary>
    Other,
    Blank,
    Frame,

    /// <summary><c>... 12 more</c>, <c>... 12 common frames omitted</c>.</summary>
    Omitted,
    CausedBy,
    Suppressed,

    /// <summary><c>[CIRCULAR REFERENCE: ...]</c>, printed by Throwable in place of a repeated cause.</summary>
    CircularReference,

    /// <summary>An <c>at ...</c> line of another runtime (.NET, V8).</summary>
    ForeignFrame,
}
