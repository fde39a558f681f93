namespace Culprit.Rca.Heuristic;

/// <summary>
/// What on the failing line the exception is about: the value that was null, the key or index, the divisor, the
/// called function. <see cref="Root"/> is its leading identifier (<c>order</c> of <c>order.customer</c>), the name to
/// trace back to a parameter or an assignment.
/// </summary>
public sealed record FailingSubject(string Expression, string Role, string? Root, string? Key = null);
