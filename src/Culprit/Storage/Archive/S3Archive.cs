using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Culprit.Storage.Archive;

/// <summary>
/// The raw archive in any S3-compatible store (AWS, MinIO, Ceph, R2, moto …): one object per chunk at
/// <c>&lt;prefix&gt;&lt;source-hash&gt;/&lt;day&gt;/&lt;lines&gt;_&lt;times&gt;.zst</c>, so listing needs no request per object. The
/// source name travels in each object's metadata (<c>x-amz-meta-culprit-source</c>) and is read once per source.
/// A PUT is atomic and replaces an object of the same key, so a chunk is whole or absent and writing it twice keeps one.
/// </summary>
public sealed class S3Archive : IRawArchive, IDisposable
{
    private const int DeleteBatch = 1000;
    private const string SourceMetadata = "culprit-source";

    private readonly IAmazonS3 _client;
    private readonly ArchiveOptions _options;
    private readonly TimeSpan _timeout;

    /// <param name="s3">Where the archive is and how to reach it.</param>
    /// <param name="options">Compression of new chunks.</param>
    /// <param name="environment">Reads environment variables (tests pass their own); null reads the process environment.</param>
    public S3Archive(S3ArchiveOptions s3, ArchiveOptions? options = null, Func<string, string?>? environment = null)
    {
        s3.Validate();
        _options = options ?? new ArchiveOptions();
        _options.Validate();
        environment ??= Environment.GetEnvironmentVariable;
        Location = S3Location.Parse(s3.Url);
        Endpoint = S3Clients.Endpoint(s3, environment);
        _timeout = s3.Timeout;
        _client = S3Clients.Create(s3, Endpoint, environment);
    }

    public S3Location Location { get; }

    /// <summary>The S3-compatible endpoint, or null for AWS.</summary>
    public Uri? Endpoint { get; }

    /// <summary>Fails with <see cref="ArchiveUnavailableException"/> when the endpoint, bucket or credentials do not work; for checks at start.</summary>
    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        CallAsync(() => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Location.Bucket, Prefix = Location.Prefix, MaxKeys = 1 }, cancellationToken), "list", cancellationToken);

    public async Task WriteAsync(ArchiveChunk chunk, ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default)
    {
        ChunkKey.Check(chunk);
        var key = Location.Prefix + ChunkKey.Format(chunk, _options.Compression);
        using var body = new MemoryStream(Math.Max(raw.Length / 4, 1024));
        await ChunkCodec.CompressAsync(raw, body, _options.Compression, _options.EffectiveLevel, cancellationToken);
        body.Position = 0;

        var request = new PutObjectRequest
        {
            BucketName = Location.Bucket,
            Key = key,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = ChunkCodec.ContentType(_options.Compression),
        };

        // Metadata must be ASCII: the source is percent-encoded, instants are ISO-8601.
        request.Metadata[SourceMetadata] = Uri.EscapeDataString(chunk.Source);
        request.Metadata["culprit-first-line"] = chunk.FirstLine.ToString(CultureInfo.InvariantCulture);
        request.Metadata["culprit-last-line"] = chunk.LastLine.ToString(CultureInfo.InvariantCulture);
        request.Metadata["culprit-written-at"] = chunk.WrittenAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        request.Metadata["culprit-raw-bytes"] = raw.Length.ToString(CultureInfo.InvariantCulture);
        await CallAsync(() => _client.PutObjectAsync(request, cancellationToken), $"writing {key}", cancellationToken);
    }

    public async IAsyncEnumerable<ArchiveChunk> ListAsync(string? source = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunks = await CollectAsync(source, cancellationToken);
        foreach (var chunk in chunks)
            yield return chunk;
    }

    public async Task<Stream> OpenAsync(ArchiveChunk chunk, CancellationToken cancellationToken = default)
    {
        var relative = string.IsNullOrEmpty(chunk.Key) ? ChunkKey.Format(chunk, _options.Compression) : chunk.Key;
        if (!ChunkKey.TryParse(relative, out var name))
            throw new ArgumentException($"'{relative}' is not an archive chunk key", nameof(chunk));

        var key = Location.Prefix + relative;
        GetObjectResponse response;
        try
        {
            response = await CallAsync(() => _client.GetObjectAsync(Location.Bucket, key, cancellationToken), $"reading {key}", cancellationToken);
        }
        catch (IOException e) when (e.InnerException is { } inner && S3Failures.IsMissingKey(inner))
        {
            throw new FileNotFoundException($"archive chunk s3://{Location.Bucket}/{key} (lines {chunk.FirstLine}-{chunk.LastLine} of '{chunk.Source}') does not exist", key, e);
        }

        return ChunkCodec.Decompress(response.ResponseStream, name.Compression);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var expired = new List<KeyVersion>();
        foreach (var chunk in await CollectAsync(null, cancellationToken))
        {
            if (chunk.RetentionTime < cutoff)
                expired.Add(new KeyVersion { Key = Location.Prefix + chunk.Key });
        }

        var deleted = 0;
        for (var start = 0; start < expired.Count; start += DeleteBatch)
        {
            var batch = expired.GetRange(start, Math.Min(DeleteBatch, expired.Count - start));
            var request = new DeleteObjectsRequest { BucketName = Location.Bucket, Objects = batch, Quiet = true };
            var response = await CallAsync(() => _client.DeleteObjectsAsync(request, cancellationToken), "deleting expired chunks", cancellationToken);
            var errors = response.DeleteErrors ?? [];
            if (errors.Count > 0)
                throw new IOException($"S3 archive {Location}: {errors.Count} of {batch.Count} expired chunks were not deleted, e.g. {errors[0].Key} ({errors[0].Code}: {errors[0].Message}); {deleted + batch.Count - errors.Count} were");
            deleted += batch.Count;
        }

        return deleted;
    }

    public void Dispose() => _client.Dispose();

    private async Task<List<ArchiveChunk>> CollectAsync(string? source, CancellationToken cancellationToken)
    {
        var prefix = Location.Prefix + (source is null ? "" : ChunkKey.SourceHash(source) + "/");
        var listed = new List<(ChunkName Name, string Key, DateTimeOffset WrittenAt)>();
        var request = new ListObjectsV2Request { BucketName = Location.Bucket, Prefix = prefix };
        while (true)
        {
            var page = await CallAsync(() => _client.ListObjectsV2Async(request, cancellationToken), "listing", cancellationToken);
            foreach (var item in page.S3Objects ?? [])
            {
                var relative = item.Key[Location.Prefix.Length..];
                if (ChunkKey.TryParse(relative, out var name))
                    listed.Add((name, relative, item.LastModified is { } at ? new DateTimeOffset(at.ToUniversalTime()) : default));
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                break;
            request.ContinuationToken = page.NextContinuationToken;
        }

        var sources = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (source is not null)
            sources[ChunkKey.SourceHash(source)] = source;
        var chunks = new List<ArchiveChunk>(listed.Count);
        foreach (var (name, key, writtenAt) in listed)
        {
            if (!sources.TryGetValue(name.SourceHash, out var sourceName))
                sources[name.SourceHash] = sourceName = await SourceOfAsync(name.SourceHash, listed, cancellationToken);
            if (sourceName is not null)
                chunks.Add(new ArchiveChunk(sourceName, name.FirstLine, name.LastLine, name.From, name.To, writtenAt, key));
        }

        chunks.Sort(ArchiveChunkOrder.Instance);
        return chunks;
    }

    /// <summary>The source name of a source folder, from the metadata of one of its chunks (the next one if a chunk vanished meanwhile).</summary>
    private async Task<string?> SourceOfAsync(string hash, List<(ChunkName Name, string Key, DateTimeOffset WrittenAt)> listed, CancellationToken cancellationToken)
    {
        foreach (var (name, key, _) in listed)
        {
            if (name.SourceHash != hash)
                continue;
            GetObjectMetadataResponse head;
            try
            {
                head = await CallAsync(() => _client.GetObjectMetadataAsync(Location.Bucket, Location.Prefix + key, cancellationToken), $"reading {key}", cancellationToken);
            }
            catch (IOException e) when (e.InnerException is { } inner && S3Failures.IsMissingKey(inner))
            {
                continue;
            }

            var encoded = head.Metadata[SourceMetadata];
            var source = encoded is null ? null : Uri.UnescapeDataString(encoded);

            // A folder whose name is not the hash of its recorded source was not written by this archive.
            return source is not null && ChunkKey.SourceHash(source) == hash ? source : null;
        }

        return null;
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && S3Failures.Describe(e, Location, Endpoint, _timeout, action) is { } failure)
        {
            throw failure;
        }
    }
}
