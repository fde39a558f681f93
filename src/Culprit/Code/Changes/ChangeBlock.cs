namespace Culprit.Code.Changes;

/// <summary>
/// Old lines [<see cref="OldStart"/>, +<see cref="OldCount"/>) replaced by new lines [<see cref="NewStart"/>, +<see cref="NewCount"/>).
/// With a count of 0 the start is the line the insertion or removal sits before.
/// </summary>
internal readonly record struct ChangeBlock(int OldStart, int OldCount, int NewStart, int NewCount);
