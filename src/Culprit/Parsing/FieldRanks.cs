using System.Runtime.CompilerServices;

namespace Culprit.Parsing;

/// <summary>For each <see cref="FieldKind"/>, the rank of the alias that filled it (inline, no allocation).</summary>
[InlineArray(Count)]
internal struct FieldRanks
{
    public const int Count = (int)FieldKind.Thread + 1;

    private int _element;
}
