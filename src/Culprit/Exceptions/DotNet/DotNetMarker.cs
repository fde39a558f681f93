namespace Culprit.Exceptions;

/// <summary>The separator lines .NET prints inside a trace.</summary>
internal enum DotNetMarker
{
    None,

    /// <summary><c>--- End of inner exception stack trace ---</c>: the frames before it belong to the next exception in.</summary>
    EndOfInner,

    /// <summary><c>--- End of stack trace from previous location ---</c> and .NET Framework's <c>Exception rethrown at [0]:</c>:
    /// part of the trace, neither a frame nor a block boundary.</summary>
    Continue,

    /// <summary>Lines an exception's own <c>ToString()</c> appends after its frames, such as SqlException's
    /// <c>ClientConnectionId:...</c> and <c>Error Number:...</c>: part of the trace once frames have started.</summary>
    Trailer,
}
