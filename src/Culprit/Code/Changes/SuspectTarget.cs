namespace Culprit.Code.Changes;

/// <summary>A function at the incident's commit whose changes matter: one on an in-app frame, or one of their callees.</summary>
public sealed record SuspectTarget(string Path, string Symbol, int StartLine, int EndLine);
