using Culprit.Model;

namespace Culprit.Exceptions.Python;

/// <summary>
/// One printed exception of a chain: its header (if any), frames and final line, at view indexes
/// <paramref name="First"/> to <paramref name="Last"/>. <paramref name="Bare"/> when it is only a final line.
/// </summary>
internal readonly record struct PythonBlock(ExceptionInfo Exception, int First, int Last, bool Bare);
