namespace Culprit.Exceptions;

/// <summary>The ways PHP prints an exception's header line.</summary>
internal enum PhpHeaderForm
{
    /// <summary>PHP 7 and later: <c>Type: message in FILE:LINE</c>.</summary>
    Modern,

    /// <summary>PHP 5: <c>exception 'Type' with message 'message' in FILE:LINE</c>.</summary>
    Php5,

    /// <summary>Monolog (Laravel): <c>[object] (Type(code: N): message at FILE:LINE)</c> inside a JSON context, then <c>[stacktrace]</c>.</summary>
    Monolog,
}
