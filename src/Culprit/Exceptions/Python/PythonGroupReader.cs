using Culprit.Model;

namespace Culprit.Exceptions.Python;

/// <summary>
/// Reads the members of an exception group printed at a view's depth D: each member follows a separator
/// (<c>+-+---- 1 ----</c> at 2D spaces for the first, <c>+---- 2 ----</c> at 2D+2 for the others) and is itself a
/// chain at depth D+1; <c>+-------</c> closes the group (or the innermost group closes for all of them).
/// </summary>
internal static class PythonGroupReader
{
    private enum SeparatorKind
    {
        None,
        Member,
        More,
        Close,
    }

    /// <summary>The separator before the first member of a group printed at <paramref name="depth"/>.</summary>
    public static bool IsFirstSeparator(ReadOnlySpan<char> outer, int depth) =>
        depth is > 0 and < PythonLineView.MaxDepth && Classify(outer, 2 * depth, first: true) == SeparatorKind.Member;

    /// <summary>Adds the members that start at <paramref name="separatorIndex"/> to <paramref name="group"/>; returns the group's last line.</summary>
    public static int ReadMembers(PythonLineView view, int separatorIndex, ExceptionInfo group)
    {
        var memberView = view.AtDepth(view.Depth + 1);
        var last = separatorIndex - 1;
        var k = separatorIndex;
        var first = true;
        while (view.TryGetOuter(k, out var outer))
        {
            var kind = Classify(outer, first ? 2 * view.Depth : (2 * view.Depth) + 2, first);
            if (kind == SeparatorKind.None)
                break;
            first = false;
            last = k;
            k++;
            if (kind == SeparatorKind.Close)
                break;

            if (kind == SeparatorKind.Member && PythonChainReader.TryRead(memberView, k, allowBareStart: true, out var member, out var memberLast))
            {
                member.FirstLine = view.Lines.LineNumber(k);
                member.LastLine = view.Lines.LineNumber(memberLast);
                member.Raw = view.Lines.Join(k, memberLast);
                group.Group.Add(member);
                last = memberLast;
                k = memberLast + 1;
            }

            // What else sits at the member's depth: "and 3 more exceptions", "... (max_group_depth is 10)", blank margins.
            while (memberView.TryGet(k, out var rest))
            {
                if (!rest.IsWhiteSpace())
                    last = k;
                k++;
            }
        }

        return last;
    }

    private static SeparatorKind Classify(ReadOnlySpan<char> outer, int indent, bool first)
    {
        if (outer.Length <= indent)
            return SeparatorKind.None;
        for (var i = 0; i < indent; i++)
        {
            if (outer[i] != ' ')
                return SeparatorKind.None;
        }

        var rest = outer[indent..].TrimEnd();
        var opening = first ? "+-+" : "+";
        if (!rest.StartsWith(opening, StringComparison.Ordinal))
            return SeparatorKind.None;
        rest = rest[opening.Length..];
        var dashes = 0;
        while (dashes < rest.Length && rest[dashes] == '-')
            dashes++;
        if (dashes < 3)
            return SeparatorKind.None;
        rest = rest[dashes..];
        if (rest.IsEmpty)
            return first ? SeparatorKind.None : SeparatorKind.Close;

        var title = rest.TrimEnd('-').Trim(' ');
        if (title.SequenceEqual("..."))
            return SeparatorKind.More;
        if (title.IsEmpty)
            return SeparatorKind.None;
        foreach (var c in title)
        {
            if (!char.IsAsciiDigit(c))
                return SeparatorKind.None;
        }

        return SeparatorKind.Member;
    }
}
