namespace Culprit.Code.Changes;

/// <summary>
/// A target function changed between the previous deploy and the incident's commit: the lines that differ (numbered at
/// the incident's commit; a removal counts at the line that now follows it) and the commits that made them, newest first.
/// </summary>
public sealed record SuspectChange(string Path, string Symbol, int StartLine, int EndLine, IReadOnlyList<int> ChangedLines, IReadOnlyList<SuspectCommit> Commits);

/// <summary>One commit of the range and which of the function's changed lines it touched.</summary>
public sealed record SuspectCommit(CommitInfo Commit, IReadOnlyList<int> ChangedLines);
