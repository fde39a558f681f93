using System.Security.Cryptography;
using System.Text;

namespace Culprit.Code.Index;

/// <summary>
/// Cuts a file into the chunks that are embedded: each callable symbol's body (windows with overlap when long),
/// each type's header (declaration and fields up to its first member; the whole type when it has no members),
/// and, for a file without symbols, windows over the whole file. Symbols past the end of the text are skipped.
/// </summary>
public sealed class CodeChunker
{
    private readonly ChunkerOptions _options;

    public CodeChunker(ChunkerOptions? options = null)
    {
        _options = options ?? new ChunkerOptions();
        _options.Validate();
    }

    public IReadOnlyList<CodeChunk> Chunk(string path, string text, IReadOnlyList<CodeSymbol> symbols)
    {
        var lines = new SourceLines(text);
        var chunks = new List<CodeChunk>();
        if (lines.Count == 0)
            return chunks;
        if (symbols.Count == 0)
        {
            AddWindows(chunks, lines, path, null, null, 1, lines.Count);
            return chunks;
        }

        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = symbols[i];
            if (symbol.StartLine < 1 || symbol.StartLine > lines.Count)
                continue;
            var end = Math.Clamp(symbol.EndLine, symbol.StartLine, lines.Count);
            var firstMember = SymbolKinds.IsCallable(symbol.Kind) ? null : FirstMemberLine(symbols, i, end);
            if (firstMember is not { } member)
            {
                AddWindows(chunks, lines, path, i, symbol, symbol.StartLine, end);
                continue;
            }

            var headerEnd = Math.Clamp(member - 1, symbol.StartLine, symbol.StartLine + _options.MaxHeaderLines - 1);
            AddWindow(chunks, lines, path, i, symbol, symbol.StartLine, headerEnd);
        }

        return chunks;
    }

    /// <summary>The first line of another symbol that starts inside the type, after its first line.</summary>
    private static int? FirstMemberLine(IReadOnlyList<CodeSymbol> symbols, int typeIndex, int end)
    {
        var type = symbols[typeIndex];
        int? first = null;
        for (var j = 0; j < symbols.Count; j++)
        {
            var line = symbols[j].StartLine;
            if (j != typeIndex && line > type.StartLine && line <= end && (first is null || line < first))
                first = line;
        }

        return first;
    }

    private void AddWindows(List<CodeChunk> chunks, SourceLines lines, string path, int? index, CodeSymbol? symbol, int from, int to)
    {
        var start = from;
        while (true)
        {
            var last = AddWindow(chunks, lines, path, index, symbol, start, Math.Min(to, start + _options.MaxLines - 1));
            if (last >= to)
                return;
            start = Math.Max(last - _options.OverlapLines + 1, start + 1);
        }
    }

    /// <summary>Adds lines <paramref name="from"/>..<paramref name="to"/>, fewer when they pass MaxChars; returns the last line taken.</summary>
    private int AddWindow(List<CodeChunk> chunks, SourceLines lines, string path, int? index, CodeSymbol? symbol, int from, int to)
    {
        var last = from;
        var chars = lines.Line(from).Length;
        while (last < to && chars + 1 + lines.Line(last + 1).Length <= _options.MaxChars)
        {
            last++;
            chars += 1 + lines.Line(last).Length;
        }

        var content = lines.Join(from, last);
        if (content.Length > _options.MaxChars)
            content = content[.._options.MaxChars];
        var document = Document(path, symbol, content);
        chunks.Add(new CodeChunk(index, from, last, content, document, Hash(document)));
        return last;
    }

    private string Document(string path, CodeSymbol? symbol, string content)
    {
        var builder = new StringBuilder(path.Length + content.Length + 128).Append(path).Append('\n');
        if (symbol is not null)
        {
            builder.Append(symbol.Kind).Append(' ').Append(symbol.QualifiedName);
            if (!string.IsNullOrEmpty(symbol.Signature))
                builder.Append(symbol.Signature[0] == '(' ? string.Empty : " ").Append(symbol.Signature);
            builder.Append('\n');
            if (!string.IsNullOrWhiteSpace(symbol.Doc))
                builder.Append(symbol.Doc.Length > _options.MaxDocChars ? symbol.Doc[.._options.MaxDocChars] : symbol.Doc).Append('\n');
        }

        return builder.Append(content).ToString();
    }

    internal static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
