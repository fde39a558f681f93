namespace Culprit.Code.Symbols;

/// <summary>
/// Symbols of Python, Java, Go, Ruby, JavaScript, TypeScript, PHP and Kotlin files through Universal Ctags, one
/// process per batch. When ctags is missing or fails, each file gets a <see cref="FileSymbols"/> with no symbols and
/// a note, and one warning naming the package to install is reported; nothing throws.
/// </summary>
public sealed class CtagsSymbolExtractor : ISymbolExtractor
{
    private readonly CtagsRunner _runner;
    private readonly SymbolExtractorOptions _options;
    private readonly List<string> _warnings = [];
    private readonly Lock _gate = new();
    private string? _missing;
    private bool _warned;

    public CtagsSymbolExtractor(SymbolExtractorOptions? options = null)
    {
        _options = options ?? new SymbolExtractorOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _runner = new CtagsRunner(_options.CtagsPath);
    }

    /// <summary>The warnings reported so far (also passed to <see cref="SymbolExtractorOptions.OnWarning"/>).</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
                return [.. _warnings];
        }
    }

    public bool Supports(string language) => Languages.For(language) is not null;

    public IReadOnlyList<FileSymbols> Extract(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken = default)
    {
        var results = new FileSymbols[files.Count];
        var batches = (files.Count + _options.CtagsBatchSize - 1) / _options.CtagsBatchSize;
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelism, CancellationToken = cancellationToken }, b =>
        {
            var from = b * _options.CtagsBatchSize;
            var count = Math.Min(_options.CtagsBatchSize, files.Count - from);
            var batch = new SourceFile[count];
            for (var i = 0; i < count; i++)
                batch[i] = files[from + i];
            var symbols = ExtractBatch(batch, cancellationToken);
            symbols.CopyTo(results, from);
        });
        return results;
    }

    /// <summary>One ctags run over the files (all of supported languages), results in input order.</summary>
    internal FileSymbols[] ExtractBatch(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
    {
        var results = new FileSymbols[files.Count];
        var failure = Volatile.Read(ref _missing);
        List<CtagsTag>[]? tags = null;
        if (failure is null)
        {
            (tags, failure, var missing) = _runner.Run(files, cancellationToken);
            if (failure is not null)
                Fail(failure, missing);
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var rules = Languages.For(file.Language);
            if (rules is null)
                results[i] = new FileSymbols(file.Path, file.Language, [], $"no symbol extractor for language '{file.Language}'");
            else if (failure is not null || tags is null)
                results[i] = new FileSymbols(file.Path, file.Language, [], "no symbols: " + failure);
            else
                results[i] = Map(file, rules, tags[i]);
        }

        return results;
    }

    private static FileSymbols Map(SourceFile file, LexicalRules rules, List<CtagsTag> tags)
    {
        try
        {
            return CtagsSymbolMapper.Map(file, rules, tags);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            // A mapping bug on one odd file must not cost the batch; the note says what happened.
            return new FileSymbols(file.Path, file.Language, [], "symbols could not be read: " + e.Message);
        }
    }

    /// <summary>Warns once; a missing executable also stops later batches from trying again.</summary>
    private void Fail(string failure, bool missing)
    {
        lock (_gate)
        {
            if (missing)
                Volatile.Write(ref _missing, failure);
            if (_warned)
                return;
            _warned = true;
            var warning = $"{failure}; symbols of Python, Java, Go, Ruby, JavaScript, TypeScript, PHP and Kotlin files are skipped. Install the 'universal-ctags' package (apt-get install universal-ctags) or set the ctags path.";
            _warnings.Add(warning);
            _options.OnWarning?.Invoke(warning);
        }
    }
}
