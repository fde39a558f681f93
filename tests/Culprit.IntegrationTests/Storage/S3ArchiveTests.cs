using System.Text;
using Amazon.S3.Model;
using Culprit.IntegrationTests.Support;
using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.IntegrationTests.Storage;

/// <summary>What only the S3 archive does: its layout in the bucket, its settings and its errors.</summary>
public sealed class S3ArchiveTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ChunksSitUnderThePrefixWithTheirSourceInMetadata()
    {
        await using var bucket = await S3TestBucket.CreateAsync();
        using var archive = new S3Archive(bucket.Options("logs/prod/"));
        await archive.WriteAsync(new ArchiveChunk("/var/log/ü.log", 1, 42, T0, T0.AddMinutes(5), T0), "hello\n"u8.ToArray());

        var stored = Assert.Single(await bucket.ObjectsAsync());
        Assert.Matches("^logs/prod/[0-9a-f]{16}/2024-03-10/000000000001-000000000042_20240310T080000.0000000Z_20240310T080500.0000000Z.zst$", stored.Key);
        var head = await bucket.Client.GetObjectMetadataAsync(bucket.Name, stored.Key);
        Assert.Equal("%2Fvar%2Flog%2F%C3%BC.log", head.Metadata["culprit-source"]);
        Assert.Equal("application/zstd", head.Headers.ContentType);
    }

    [Fact]
    public async Task ForeignObjectsUnderThePrefixAreNotListed()
    {
        await using var bucket = await S3TestBucket.CreateAsync();
        using var archive = new S3Archive(bucket.Options());
        await archive.WriteAsync(new ArchiveChunk("app.log", 1, 2, T0, T0, T0), "a\nb\n"u8.ToArray());
        await bucket.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket.Name, Key = "archive/test/README.txt", ContentBody = "hi" });
        await bucket.Client.PutObjectAsync(new PutObjectRequest { BucketName = bucket.Name, Key = "archive/test/0123456789abcdef/2024-03-10/x.zst", ContentBody = "hi" });

        var listed = new List<ArchiveChunk>();
        await foreach (var chunk in archive.ListAsync())
            listed.Add(chunk);
        Assert.Equal("app.log", Assert.Single(listed).Source);
    }

    [Fact]
    public async Task EndpointRegionAndCredentialsComeFromTheEnvironment()
    {
        await using var bucket = await S3TestBucket.CreateAsync();
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = TestServers.S3.ToString(),
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "from-env",
            ["AWS_SECRET_ACCESS_KEY"] = "from-env",
        };
        using var archive = new S3Archive(new S3ArchiveOptions { Url = $"s3://{bucket.Name}/env" }, environment: variables.GetValueOrDefault);

        Assert.Equal(TestServers.S3, archive.Endpoint);
        await archive.CheckAsync();
        await archive.WriteAsync(new ArchiveChunk("app.log", 1, 1, T0, T0, T0), "x\n"u8.ToArray());
        Assert.StartsWith("env/", Assert.Single(await bucket.ObjectsAsync()).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingBucketFailsNamingTheUrl()
    {
        var options = new S3ArchiveOptions
        {
            Url = "s3://culprit-no-such-bucket-4d1c/raw",
            ServiceUrl = TestServers.S3,
            AccessKey = "test",
            SecretKey = "test",
        };
        using var archive = new S3Archive(options);

        var error = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.CheckAsync());
        Assert.Contains("s3://culprit-no-such-bucket-4d1c/raw", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);

        var onWrite = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.WriteAsync(new ArchiveChunk("a", 1, 1, null, null, T0), Encoding.UTF8.GetBytes("x")));
        Assert.Contains("s3://culprit-no-such-bucket-4d1c/raw", onWrite.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArchiveUnavailableException>(async () => await archive.ListAsync().GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task UnreachableEndpointFailsNamingTheUrlAndEndpoint()
    {
        var options = new S3ArchiveOptions
        {
            Url = "s3://culprit-archive/raw",
            ServiceUrl = new Uri("http://127.0.0.1:9/"),
            AccessKey = "test",
            SecretKey = "test",
            MaxRetries = 0,
            Timeout = TimeSpan.FromSeconds(5),
        };
        using var archive = new S3Archive(options);

        var error = await Assert.ThrowsAsync<ArchiveUnavailableException>(() => archive.CheckAsync());
        Assert.Contains("s3://culprit-archive/raw", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot reach http://127.0.0.1:9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GzipArchivesReadBackLikeZstdOnes()
    {
        await using var bucket = await S3TestBucket.CreateAsync();
        using var archive = new S3Archive(bucket.Options(), new ArchiveOptions { Compression = ArchiveCompression.Gzip });
        await archive.WriteAsync(new ArchiveChunk("app.log", 1, 2, T0, T0, T0), "a\nb\n"u8.ToArray());

        var stored = Assert.Single(await bucket.ObjectsAsync());
        Assert.EndsWith(".gz", stored.Key, StringComparison.Ordinal);
        await foreach (var chunk in archive.ListAsync())
        {
            await using var stream = await archive.OpenAsync(chunk);
            using var text = new StreamReader(stream);
            Assert.Equal("a\nb\n", await text.ReadToEndAsync());
        }
    }
}
