using System.Collections.Concurrent;
using Culprit.Code.Mapping;

namespace Culprit.Code;

/// <summary>
/// An <see cref="ICodeView"/> read straight from a repository at a commit, extracting symbols of a file the first
/// time it is asked for. Looking up a name across the repository extracts every file of that language once.
/// </summary>
public sealed class RepositoryCodeView : ICodeView
{
    private readonly ICodeRepository _repository;
    private readonly ISymbolExtractor _extractor;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>?> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<CodeSymbol>> _symbols = new(StringComparer.Ordinal);
    private readonly HashSet<string> _languagesLoaded = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _allPaths;
    private readonly Lock _gate = new();

    public RepositoryCodeView(ICodeRepository repository, string revision, ISymbolExtractor extractor, IReadOnlyList<CodeMapping>? mappings = null)
    {
        _repository = repository;
        _extractor = extractor;
        Commit = repository.ResolveCommit(revision);
        _allPaths = [.. repository.ListFiles(Commit).Select(f => f.Path)];
        Paths = new RepoPathIndex(_allPaths, mappings);
    }

    public string Commit { get; }

    public RepoPathIndex Paths { get; }

    /// <summary>Notes of files whose symbols could not be read (parse errors, ctags missing), by path.</summary>
    public ConcurrentDictionary<string, string> Notes { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string>? Lines(string path) =>
        _lines.GetOrAdd(path, p => _repository.ReadFile(Commit, p) is { } text ? SplitLines(text) : null);

    public IReadOnlyList<CodeSymbol> SymbolsOf(string path)
    {
        if (_symbols.TryGetValue(path, out var known))
            return known;
        var language = CodeLanguages.FromPath(path);
        if (language is null || !_extractor.Supports(language) || _repository.ReadFile(Commit, path) is not { } text)
            return _symbols.GetOrAdd(path, []);
        Store(_extractor.Extract([new SourceFile(path, language, text)])[0]);
        return _symbols[path];
    }

    public IReadOnlyList<(string Path, CodeSymbol Symbol)> FindCallable(string qualifiedName)
    {
        LoadLanguage(CodeLanguages.CSharp);
        var found = new List<(string, CodeSymbol)>();
        foreach (var (path, symbols) in _symbols)
        {
            foreach (var symbol in symbols)
            {
                if (symbol.QualifiedName == qualifiedName && SymbolKinds.IsCallable(symbol.Kind))
                    found.Add((path, symbol));
            }
        }
        return found;
    }

    public IReadOnlyList<(string Path, CodeSymbol Symbol)> FindByName(string name, string nearPath)
    {
        var language = CodeLanguages.FromPath(nearPath);
        if (language is not null)
            LoadLanguage(language);
        var folder = nearPath.Contains('/', StringComparison.Ordinal) ? nearPath[..nearPath.LastIndexOf('/')] : "";
        var found = new List<(string Path, CodeSymbol Symbol, int Rank)>();
        foreach (var (path, symbols) in _symbols)
        {
            foreach (var symbol in symbols)
            {
                if (symbol.Name != name || !SymbolKinds.IsCallable(symbol.Kind))
                    continue;
                var rank = path == nearPath ? 0 : path.StartsWith(folder + "/", StringComparison.Ordinal) ? 1 : 2;
                found.Add((path, symbol, rank));
            }
        }
        return [.. found.OrderBy(f => f.Rank).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Symbol.StartLine).Select(f => (f.Path, f.Symbol))];
    }

    private void LoadLanguage(string language)
    {
        lock (_gate)
        {
            if (!_languagesLoaded.Add(language) || !_extractor.Supports(language))
                return;
        }
        var files = new List<SourceFile>();
        foreach (var path in _allPaths)
        {
            if (_symbols.ContainsKey(path) || CodeLanguages.FromPath(path) != language)
                continue;
            if (_repository.ReadFile(Commit, path) is { } text)
                files.Add(new SourceFile(path, language, text));
        }
        foreach (var file in _extractor.Extract(files))
            Store(file);
    }

    private void Store(FileSymbols file)
    {
        _symbols[file.Path] = [.. file.Symbols.OrderBy(s => s.StartLine).ThenByDescending(s => s.EndLine)];
        if (file.Note is not null)
            Notes[file.Path] = file.Note;
    }

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
