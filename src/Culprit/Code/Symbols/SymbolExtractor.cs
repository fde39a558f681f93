namespace Culprit.Code.Symbols;

/// <summary>
/// The default <see cref="ISymbolExtractor"/>: C# through Roslyn, the ctags languages through Universal Ctags, in
/// work units (a group of C# files or one ctags batch) run on all cores. Files in other languages get a note.
/// </summary>
public sealed class SymbolExtractor : ISymbolExtractor
{
    private const int CSharpGroupSize = 64;

    private readonly SymbolExtractorOptions _options;
    private readonly CtagsSymbolExtractor _ctags;

    public SymbolExtractor(SymbolExtractorOptions? options = null)
    {
        _options = options ?? new SymbolExtractorOptions();
        _ctags = new CtagsSymbolExtractor(_options);
    }

    /// <summary>Warnings reported so far (ctags missing or failing).</summary>
    public IReadOnlyList<string> Warnings => _ctags.Warnings;

    public bool Supports(string language) => language == CodeLanguages.CSharp || _ctags.Supports(language);

    public IReadOnlyList<FileSymbols> Extract(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        var results = new FileSymbols[files.Count];
        var csharp = new List<int>();
        var ctags = new List<int>();
        for (var i = 0; i < files.Count; i++)
        {
            var language = files[i].Language;
            if (language == CodeLanguages.CSharp)
                csharp.Add(i);
            else if (_ctags.Supports(language))
                ctags.Add(i);
            else
                results[i] = new FileSymbols(files[i].Path, language, [], $"no symbol extractor for language '{language}'");
        }

        // ctags batches first: each holds a process for a while, so they should not be the stragglers at the end.
        var units = new List<(bool Ctags, int From, int Count)>();
        for (var from = 0; from < ctags.Count; from += _options.CtagsBatchSize)
            units.Add((true, from, Math.Min(_options.CtagsBatchSize, ctags.Count - from)));
        for (var from = 0; from < csharp.Count; from += CSharpGroupSize)
            units.Add((false, from, Math.Min(CSharpGroupSize, csharp.Count - from)));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(units, parallel, unit =>
        {
            if (unit.Ctags)
            {
                var batch = new SourceFile[unit.Count];
                for (var k = 0; k < unit.Count; k++)
                    batch[k] = files[ctags[unit.From + k]];
                var symbols = _ctags.ExtractBatch(batch, cancellationToken);
                for (var k = 0; k < unit.Count; k++)
                    results[ctags[unit.From + k]] = symbols[k];
            }
            else
            {
                for (var k = 0; k < unit.Count; k++)
                {
                    var index = csharp[unit.From + k];
                    results[index] = CSharpSymbolExtractor.ExtractOne(files[index], cancellationToken);
                }
            }
        });
        return results;
    }
}
