using System.Diagnostics;
using Culprit.Code.Embeddings;
using Culprit.Storage;

namespace Culprit.Code.Index;

/// <summary>
/// Indexes one commit of a repository into an <see cref="ICodeIndexStore"/>: lists its files, keeps the code files
/// <see cref="IndexFilter"/> admits, reuses every (path, blob) stored already, and reads, parses, chunks, embeds and
/// stores the others in batches (one transaction each). Chunks whose document has a stored vector of the same
/// embedder are not embedded again. The commit's record (file list and counts) is written last, so a cancelled or
/// failed run leaves no commit half-recorded; the file versions it stored stay, complete, for the next run to reuse.
/// A file whose extractor tool could not run (ctags missing) is not stored, so a later run with the tool parses it.
/// </summary>
public sealed class CodeIndexer
{
    /// <summary>How the extractor's note starts when its tool (ctags) could not run.</summary>
    private const string ToolFailed = "no symbols: ";

    private readonly ICodeIndexStore _store;
    private readonly ISymbolExtractor _extractor;
    private readonly IEmbedder? _embedder;
    private readonly IndexerOptions _options;
    private readonly CodeChunker _chunker;
    private readonly TimeProvider _time;

    /// <param name="embedder">Null to store chunks without vectors.</param>
    public CodeIndexer(ICodeIndexStore store, ISymbolExtractor extractor, IEmbedder? embedder = null, IndexerOptions? options = null, TimeProvider? time = null)
    {
        _store = store;
        _extractor = extractor;
        _embedder = embedder;
        _options = options ?? new IndexerOptions();
        _chunker = new CodeChunker(_options.Chunker);
        _time = time ?? TimeProvider.System;
    }

    /// <param name="location">What identifies the repository in the store (the URL it was cloned from); default its root folder.</param>
    /// <exception cref="CodeRepositoryException">The revision is not in the repository, or the repository cannot be read.</exception>
    public async Task<IndexResult> IndexAsync(ICodeRepository repository, string revision, string? location = null, Action<IndexProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var run = new IndexRun(progress);
        var listing = Stopwatch.StartNew();
        run.Report("list", 0, 1);
        var commit = repository.ResolveCommit(revision);
        var tree = repository.ListFiles(commit);
        var kept = new List<RepoFile>(tree.Count);
        foreach (var file in tree)
        {
            var reason = IndexFilter.Exclude(file, _options.MaxFileBytes);
            if (reason is null)
                kept.Add(file);
            else if (reason != "not code")
                run.Skipped++;
        }

        location ??= repository.Root;
        var repositoryId = await _store.UpsertRepositoryAsync(location, NameOf(location), cancellationToken).ConfigureAwait(false);
        var stored = await _store.FindFilesAsync(repositoryId, [.. kept.Select(f => new FileKey(f.Path, f.BlobSha))], cancellationToken).ConfigureAwait(false);
        var indexed = await _store.ListCommitsAsync(repositoryId, cancellationToken).ConfigureAwait(false);
        var nearest = NearestIndexedCommit.Find(repository, commit, indexed.Take(_options.NearestCandidates).Select(c => c.CommitSha));
        int? changed = nearest switch
        {
            null => null,
            { Distance: 0 } => 0,
            { } n => repository.Diff(n.Sha, commit).Count,
        };
        var toParse = kept.Where(f => !stored.ContainsKey(new FileKey(f.Path, f.BlobSha))).ToList();
        run.FilesToParse = toParse.Count;
        run.Timings[0] = listing.Elapsed;
        run.Report("list", 1, 1);

        var ids = new List<long>(kept.Count);
        ids.AddRange(stored.Values);
        for (var from = 0; from < toParse.Count; from += _options.BatchFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = toParse.GetRange(from, Math.Min(_options.BatchFiles, toParse.Count - from));
            var files = await IndexBatchAsync(repository, commit, batch, run, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            run.Report("store", run.FilesDone, toParse.Count);
            ids.AddRange(await _store.StoreFilesAsync(repositoryId, files, cancellationToken).ConfigureAwait(false));
            run.FilesDone += batch.Count;
            run.Timings[4] += clock.Elapsed;
            run.Report("store", run.FilesDone, toParse.Count);
        }

        var recording = Stopwatch.StartNew();
        run.Report("record", 0, 1);
        var (symbols, chunks) = await _store.CountContentsAsync(ids, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var record = new IndexedCommit(commit, _time.GetUtcNow(), _embedder?.Name, ids.Count, (int)symbols, (int)chunks);
        await _store.RecordCommitAsync(repositoryId, record, ids, CancellationToken.None).ConfigureAwait(false);
        run.Timings[4] += recording.Elapsed;
        run.Report("record", 1, 1);

        return new IndexResult
        {
            RepositoryId = repositoryId,
            Commit = commit,
            NearestIndexedCommit = nearest?.Sha,
            CommitsSinceNearest = nearest?.Distance,
            FilesChangedSinceNearest = changed,
            TreeFiles = tree.Count,
            Files = ids.Count,
            FilesSkipped = run.Skipped,
            FilesReused = stored.Count,
            FilesParsed = run.Parsed,
            FilesWithNotes = run.Notes,
            FilesNotStored = run.Unstored,
            Symbols = symbols,
            SymbolsParsed = run.Symbols,
            Chunks = chunks,
            ChunksMade = run.Chunks,
            ChunksEmbedded = run.Embedded,
            Embedder = _embedder?.Name,
            Timings = new IndexTimings(run.Timings[0], run.Timings[1], run.Timings[2], run.Timings[3], run.Timings[4]),
        };
    }

    /// <summary>Reads, parses, chunks and embeds one batch of files; binary files are counted as skipped and left out.</summary>
    private async Task<List<FileIndex>> IndexBatchAsync(ICodeRepository repository, string commit, List<RepoFile> batch, IndexRun run, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        run.Report("parse", run.FilesDone, run.FilesToParse);
        var sources = new List<(RepoFile File, SourceFile Source)>(batch.Count);
        foreach (var file in batch)
        {
            var text = repository.ReadFile(commit, file.Path);
            if (text is null || IndexFilter.IsBinary(text))
            {
                run.Skipped++;
                continue;
            }

            sources.Add((file, new SourceFile(file.Path, CodeLanguages.FromPath(file.Path)!, text)));
        }

        var extracted = _extractor.Extract([.. sources.Select(s => s.Source)], cancellationToken);
        run.Timings[1] += clock.Elapsed;

        clock.Restart();
        run.Report("chunk", run.FilesDone, run.FilesToParse);
        var files = new List<FileIndex>(sources.Count);
        var chunkLists = new List<List<CodeChunk>>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var (file, source) = sources[i];
            var symbols = extracted[i].Symbols;
            run.Parsed++;
            run.Notes += extracted[i].Note is null ? 0 : 1;
            if (symbols.Count == 0 && extracted[i].Note?.StartsWith(ToolFailed, StringComparison.Ordinal) == true)
            {
                // ctags missing or failing: stored, this version would never be parsed again; left out, the next run retries it.
                run.Unstored++;
                continue;
            }

            var chunks = _chunker.Chunk(file.Path, source.Text, symbols).ToList();
            run.Symbols += symbols.Count;
            run.Chunks += chunks.Count;
            chunkLists.Add(chunks);
            files.Add(new FileIndex(file.Path, file.BlobSha, source.Language, file.Size, symbols, chunks));
        }

        run.Timings[2] += clock.Elapsed;
        if (_embedder is not null)
        {
            clock.Restart();
            await EmbedAsync(_embedder, chunkLists, run, cancellationToken).ConfigureAwait(false);
            run.Timings[3] += clock.Elapsed;
        }

        return files;
    }

    /// <summary>Gives every chunk its vector: a stored one of the same document and embedder, else a new one (each distinct document once).</summary>
    private async Task EmbedAsync(IEmbedder embedder, List<List<CodeChunk>> chunkLists, IndexRun run, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in chunkLists.SelectMany(c => c))
            documents.TryAdd(chunk.ContentHash, chunk.Document);
        var vectors = new Dictionary<string, float[]>(
            await _store.FindEmbeddingsAsync(embedder.Name, documents.Keys, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var missing = documents.Where(d => !vectors.ContainsKey(d.Key)).ToList();
        var before = run.Embedded;
        run.Report("embed", run.Embedded, before + missing.Count);
        for (var from = 0; from < missing.Count; from += _options.EmbedBatch)
        {
            var part = missing.GetRange(from, Math.Min(_options.EmbedBatch, missing.Count - from));
            var made = embedder.Embed([.. part.Select(p => p.Value)], cancellationToken);
            for (var k = 0; k < part.Count; k++)
                vectors[part[k].Key] = made[k];
            run.Embedded += part.Count;
            run.Report("embed", run.Embedded, before + missing.Count);
        }

        foreach (var chunks in chunkLists)
        {
            for (var i = 0; i < chunks.Count; i++)
                chunks[i] = chunks[i] with { Embedding = vectors[chunks[i].ContentHash], Model = embedder.Name };
        }
    }

    private static string NameOf(string location)
    {
        var trimmed = location.TrimEnd('/', '\\');
        var name = trimmed[(trimmed.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            name = name[..^4];
        return name.Length == 0 ? location : name;
    }

    /// <summary>Counters and timings of one run (touched by one thread at a time).</summary>
    private sealed class IndexRun(Action<IndexProgress>? progress)
    {
        public TimeSpan[] Timings { get; } = new TimeSpan[5];

        public int FilesToParse { get; set; }

        public int FilesDone { get; set; }

        public int Parsed { get; set; }

        public int Skipped { get; set; }

        public int Notes { get; set; }

        public int Unstored { get; set; }

        public long Symbols { get; set; }

        public long Chunks { get; set; }

        public int Embedded { get; set; }

        public void Report(string phase, int done, int total) =>
            progress?.Invoke(new IndexProgress(phase, done, total) { FilesDone = FilesDone, FilesToParse = FilesToParse, FilesParsed = Parsed, Chunks = (int)Chunks, ChunksEmbedded = Embedded });
    }
}
