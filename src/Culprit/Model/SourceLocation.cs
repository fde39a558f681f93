namespace Culprit.Model;

/// <summary>A throw or panic site printed in an exception's header rather than as a frame.</summary>
public sealed record SourceLocation(string File, int Line, int? Column = null);
