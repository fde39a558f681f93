namespace Culprit.Code.Index;

/// <summary>
/// Resolves <see cref="CodeSymbol.Parent"/> names to positions within one file and orders the symbols so that a
/// parent is always stored before its children. Among same-named candidates (overloads) the smallest one that
/// encloses the child wins; a parent that is missing or would make a cycle is dropped.
/// </summary>
internal sealed class SymbolTree
{
    private SymbolTree(int[] parents, int[] order)
    {
        Parents = parents;
        Order = order;
    }

    /// <summary>The parent's index of each symbol, -1 for none.</summary>
    public int[] Parents { get; }

    /// <summary>Symbol indexes, parents before children, otherwise in input order.</summary>
    public int[] Order { get; }

    public static SymbolTree Of(IReadOnlyList<CodeSymbol> symbols)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!byName.TryGetValue(symbols[i].QualifiedName, out var list))
                byName[symbols[i].QualifiedName] = list = [];
            list.Add(i);
        }

        var parents = new int[symbols.Count];
        for (var i = 0; i < symbols.Count; i++)
            parents[i] = symbols[i].Parent is { } name && byName.TryGetValue(name, out var candidates) ? Choose(symbols, i, candidates) : -1;

        var depths = new int[symbols.Count];
        for (var i = 0; i < symbols.Count; i++)
            depths[i] = Depth(parents, i);
        var order = new int[symbols.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => depths[a] != depths[b] ? depths[a].CompareTo(depths[b]) : a.CompareTo(b));
        return new SymbolTree(parents, order);
    }

    private static int Choose(IReadOnlyList<CodeSymbol> symbols, int child, List<int> candidates)
    {
        var inner = symbols[child];
        var best = -1;
        var fallback = -1;
        foreach (var c in candidates)
        {
            if (c == child)
                continue;
            if (fallback < 0)
                fallback = c;
            var outer = symbols[c];
            if (outer.StartLine <= inner.StartLine && outer.EndLine >= inner.EndLine
                && (best < 0 || outer.EndLine - outer.StartLine < symbols[best].EndLine - symbols[best].StartLine))
                best = c;
        }

        return best >= 0 ? best : fallback;
    }

    /// <summary>Steps to the root; a cycle is cut at the symbol where it is found.</summary>
    private static int Depth(int[] parents, int index)
    {
        var depth = 0;
        var at = index;
        while (parents[at] >= 0)
        {
            at = parents[at];
            if (at == index || ++depth > parents.Length)
            {
                parents[index] = -1;
                return 0;
            }
        }

        return depth;
    }
}
