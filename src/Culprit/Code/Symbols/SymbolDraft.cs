namespace Culprit.Code.Symbols;

/// <summary>A symbol being built from a ctags tag, with the text offsets its calls are scanned between.</summary>
internal sealed class SymbolDraft
{
    public required string Kind { get; set; }

    public required string Name { get; init; }

    public required string QualifiedName { get; init; }

    public string? Parent { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    /// <summary>Offset of the declaration's first line: a nested symbol from here to <see cref="End"/> is skipped by the outer one's call scan.</summary>
    public required int Start { get; init; }

    public required int BodyStart { get; init; }

    public required int End { get; init; }

    public string? Signature { get; init; }

    public string? Doc { get; init; }

    public CodeSymbol ToSymbol(IReadOnlyList<string> calls) => new()
    {
        Kind = Kind,
        Name = Name,
        QualifiedName = QualifiedName,
        StartLine = StartLine,
        EndLine = EndLine,
        Signature = Signature,
        Doc = Doc,
        Parent = Parent,
        Calls = calls,
    };
}
