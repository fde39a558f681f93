namespace Culprit.Code.Index;

/// <summary>How a name written in a stack frame or a call matches a stored symbol.</summary>
internal static class SymbolNames
{
    /// <summary>The last dotted segment: <c>Orders.total</c> → <c>total</c>; a C# <c>Orders..ctor</c> → <c>.ctor</c>.</summary>
    public static string Simple(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
            return name;
        if (name[dot - 1] == '.')
            dot--;
        return dot == 0 ? name : name[(dot + 1)..];
    }

    /// <summary>The exact qualified name, a bare simple name, or a dotted suffix of the qualified name.</summary>
    public static bool Matches(CodeSymbol symbol, string name)
    {
        if (symbol.QualifiedName == name)
            return true;
        if (Simple(name) == name)
            return symbol.Name == name;
        return symbol.QualifiedName.EndsWith(name, StringComparison.Ordinal)
            && symbol.QualifiedName.Length > name.Length
            && symbol.QualifiedName[symbol.QualifiedName.Length - name.Length - 1] == '.';
    }
}
