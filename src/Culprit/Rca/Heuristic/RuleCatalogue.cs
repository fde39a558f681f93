namespace Culprit.Rca.Heuristic;

/// <summary>
/// Per exception family: what to say about the failing line, which fixes to propose and which tests to add.
/// Placeholders: {subject} the failing expression, {symbol} the chosen function, {key} the key or index,
/// {param} the parameter the value arrived in, {call} the call on the failing line.
/// </summary>
public static class RuleCatalogue
{
    public sealed record Rule(string Problem, IReadOnlyList<string> Fixes, IReadOnlyList<string> Tests);

    public static Rule For(ExceptionFamily family) => family switch
    {
        ExceptionFamily.NullDereference => new(
            "{subject} is null when {symbol} dereferences it",
            ["Check {subject} for null in {symbol} before using it, and decide what the caller should get instead (an error response, a default, or skipping the item)",
             "Make the producer of {subject} never return null (return an empty value or fail with a clear exception that names the missing data)"],
            ["Call {symbol} with input for which {subject} is null and assert the chosen behaviour (no NullPointerException/NullReferenceException/TypeError)"]),
        ExceptionFamily.KeyOrIndex => new(
            "{symbol} looks up {key} in a collection that does not contain it",
            ["Look {key} up with a safe accessor (get/TryGetValue/containsKey) in {symbol} and handle the missing case explicitly",
             "Validate {key} where it enters the service and reject unknown values with a clear error"],
            ["Call {symbol} with a {key} that is absent (and with an empty collection) and assert the handled result"]),
        ExceptionFamily.TimeoutOrConnection => new(
            "the call {call} in {symbol} did not complete in time or could not connect",
            ["Check the timeout, pool size and retry settings used by {call}; add a bounded retry with backoff for transient failures",
             "Make {symbol} degrade gracefully (circuit breaker or fallback) when the dependency is slow or down"],
            ["Simulate a slow or refusing dependency for {call} and assert {symbol} fails fast with a clear error and releases its resources"]),
        ExceptionFamily.Validation => new(
            "{symbol} received input it rejects ({subject})",
            ["Validate the input where it enters {symbol}'s caller and return a clear client error instead of an exception deep in the stack",
             "If the input is legitimate, extend {symbol} to accept it"],
            ["Call {symbol} with the rejected value from this incident and assert the intended result or a clear validation error"]),
        ExceptionFamily.TypeMismatch => new(
            "{subject} does not have the type {symbol} expects",
            ["Find where {subject} is produced and make it return the expected type, or convert it explicitly before {symbol} uses it",
             "Add a type check with a clear error at the boundary where the value enters"],
            ["Call {symbol} with a value of the unexpected type seen in this incident and assert it is converted or rejected clearly"]),
        ExceptionFamily.Arithmetic => new(
            "{symbol} divides by {subject}, which is zero",
            ["Guard the division in {symbol}: handle {subject} == 0 explicitly (return a defined value or skip)",
             "Check why {subject} can be zero for this input and whether upstream data is missing"],
            ["Call {symbol} with {subject} equal to zero and assert the defined result"]),
        ExceptionFamily.IllegalState => new(
            "{symbol} was called in a state that does not allow it",
            ["Check the order of calls that leads to {symbol} and the state it requires; make the precondition explicit",
             "Guard shared state used by {symbol} against concurrent modification"],
            ["Reproduce the call sequence of this incident and assert {symbol} either succeeds or reports the wrong state clearly"]),
        ExceptionFamily.Resource => new(
            "{symbol} failed on a resource ({subject})",
            ["Check that the file, permission or memory {symbol} needs is available in the deployed environment, and handle its absence",
             "Release resources in {symbol} on every path (using/try-with-resources/with)"],
            ["Run {symbol} with the resource missing or unreadable and assert a clear error"]),
        _ => new(
            "{symbol} fails on line {line}",
            ["Read the failing line of {symbol} with the parameters of this incident and handle the case that throws",
             "Add logging of the inputs of {symbol} to confirm the failing case"],
            ["Reproduce the incident's inputs against {symbol} and assert the expected result"]),
    };
}
