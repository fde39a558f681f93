namespace Culprit.Rca.Heuristic;

/// <summary>Kinds of failure the heuristic analyst knows how to reason about (docs/rca.md).</summary>
public enum ExceptionFamily
{
    Unknown,

    /// <summary>A null/None/undefined/nil value was dereferenced.</summary>
    NullDereference,

    /// <summary>A key was missing or an index was out of range.</summary>
    KeyOrIndex,

    /// <summary>A call to another system timed out or could not connect.</summary>
    TimeoutOrConnection,

    /// <summary>Input was rejected: invalid argument, parse or format error.</summary>
    Validation,

    /// <summary>A value had the wrong type (cast, TypeError, missing attribute on a non-null value).</summary>
    TypeMismatch,

    /// <summary>Division by zero, overflow.</summary>
    Arithmetic,

    /// <summary>An operation was called in a state that does not allow it.</summary>
    IllegalState,

    /// <summary>Files, permissions, memory and other resources.</summary>
    Resource,
}
