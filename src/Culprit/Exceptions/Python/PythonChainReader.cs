using Culprit.Model;

namespace Culprit.Exceptions.Python;

/// <summary>
/// Reads a chain: printed exceptions joined by "The above exception was the direct cause ..." (cause) or
/// "During handling of the above exception ..." (context). Python prints the root first, so the last block is
/// the top level and the others become its causes, nearest first.
/// </summary>
internal static class PythonChainReader
{
    /// <param name="view">The lines at the chain's depth.</param>
    /// <param name="start">The chain's first line.</param>
    /// <param name="allowBareStart">Whether the chain may be a final line alone (a group member); otherwise a first
    /// block without traceback must be followed by a separator.</param>
    /// <param name="top">The top-level exception with its causes.</param>
    /// <param name="last">The chain's last line.</param>
    public static bool TryRead(PythonLineView view, int start, bool allowBareStart, out ExceptionInfo top, out int last)
    {
        top = null!;
        last = start;
        if (!PythonBlockReader.TryRead(view, start, allowBare: true, out var block))
            return false;

        var blocks = new List<PythonBlock>(2) { block };
        last = block.Last;
        while (true)
        {
            var separator = view.NextNonBlank(last + 1);
            if (separator < 0 || !view.TryGet(separator, out var text))
                break;
            var relation = PythonSyntax.Separator(text);
            if (relation == ExceptionRelation.None)
                break;

            blocks[^1].Exception.Relation = relation;
            var next = view.NextNonBlank(separator + 1);
            if (next < 0 || !PythonBlockReader.TryRead(view, next, allowBare: true, out block))
            {
                // The text stops after the separator: the exception it announces is missing.
                blocks.Add(new PythonBlock(new ExceptionInfo { Truncated = true }, separator, separator, Bare: true));
                last = separator;
                break;
            }

            blocks.Add(block);
            last = block.Last;
        }

        if (blocks.Count == 1 && blocks[0].Bare && !allowBareStart)
            return false;

        top = blocks[^1].Exception;
        top.Relation = ExceptionRelation.None;
        for (var i = blocks.Count - 2; i >= 0; i--)
        {
            var cause = blocks[i];
            cause.Exception.Raw = view.Lines.Join(cause.First, cause.Last);
            top.Causes.Add(cause.Exception);
        }

        return true;
    }
}
