using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>A trace found by an <see cref="ITraceParser"/>: the exception and the indexes of its first and last line.</summary>
public readonly record struct TraceMatch(ExceptionInfo Exception, int FirstIndex, int LastIndex);
