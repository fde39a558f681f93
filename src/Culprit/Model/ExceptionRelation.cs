namespace Culprit.Model;

/// <summary>How a linked exception relates to the one it hangs from.</summary>
public enum ExceptionRelation
{
    /// <summary>The top-level exception of a trace.</summary>
    None,

    /// <summary>Java's <c>Caused by:</c>.</summary>
    CausedBy,

    /// <summary>.NET's <c> ---&gt; </c> inner exception.</summary>
    Inner,

    /// <summary>Python's "direct cause" and Node's <c>[cause]:</c>.</summary>
    Cause,

    /// <summary>Python's "During handling of the above exception".</summary>
    Context,

    /// <summary>Java's <c>Suppressed:</c>.</summary>
    Suppressed,
}
