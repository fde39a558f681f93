namespace Culprit.Parsing;

/// <summary>A part of a header line, as start and length, so that fields are cut out only once they are kept.</summary>
internal readonly record struct Slice(int Start, int Length)
{
    public bool IsEmpty => Length <= 0;

    public static Slice Between(int start, int end) => new(start, Math.Max(0, end - start));

    public ReadOnlySpan<char> Of(ReadOnlySpan<char> line) => IsEmpty ? default : line.Slice(Start, Length);
}
