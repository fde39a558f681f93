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
        if (failure is not null)
            return NoSymbols(files, failure);

        // ctags reads the real text, except TypeScript (see TypeScriptSkeleton); names it finds inside strings or
        // comments are dropped by the mapper.
        var sources = new MaskedSource?[files.Count];
        var inputs = new (string Language, string Text)[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var rules = Languages.For(files[i].Language);
            var source = rules is null ? null : new MaskedSource(files[i].Text, rules);
            sources[i] = source;
            inputs[i] = (files[i].Language, source is null ? "" : Skeleton(source));
        }

        var (tags, error, missing) = _runner.Run(inputs, cancellationToken);
        if (error is not null)
        {
            Fail(error, missing);
            return NoSymbols(files, error);
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            results[i] = sources[i] is { } source
                ? Map(file, source, tags[i])
                : new FileSymbols(file.Path, file.Language, [], $"no symbol extractor for language '{file.Language}'");
        }

        return results;
    }

    private static string Skeleton(MaskedSource source) =>
        source.Rules.Language == CodeLanguages.TypeScript ? TypeScriptSkeleton.For(source) : source.Text;

    private static FileSymbols[] NoSymbols(IReadOnlyList<SourceFile> files, string failure)
    {
        var results = new FileSymbols[files.Count];
        for (var i = 0; i < files.Count; i++)
            results[i] = new FileSymbols(files[i].Path, files[i].Language, [], "no symbols: " + failure);
        return results;
    }

    private static FileSymbols Map(SourceFile file, MaskedSource source, List<CtagsTag> tags)
    {
        try
        {
            return CtagsSymbolMapper.Map(file, source, tags);
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
