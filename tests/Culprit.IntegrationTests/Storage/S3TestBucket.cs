using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Culprit.IntegrationTests.Support;
using Culprit.Storage.Archive;

namespace Culprit.IntegrationTests.Storage;

/// <summary>A bucket of one test's own on the test S3 server (moto), removed with everything in it.</summary>
internal sealed class S3TestBucket : IAsyncDisposable
{
    private S3TestBucket(AmazonS3Client client, string name)
    {
        Client = client;
        Name = name;
    }

    public AmazonS3Client Client { get; }

    public string Name { get; }

    public static AmazonS3Client CreateClient() =>
        new(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = TestServers.S3.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });

    public static async Task<S3TestBucket> CreateAsync()
    {
        var client = CreateClient();
        var name = TestServers.UniqueName("culprit").Replace('_', '-');
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return new S3TestBucket(client, name);
    }

    /// <summary>Archive options for a prefix of this bucket, with the test server's endpoint and credentials.</summary>
    public S3ArchiveOptions Options(string prefix = "archive/test") => new()
    {
        Url = $"s3://{Name}/{prefix}",
        ServiceUrl = TestServers.S3,
        Region = "us-east-1",
        AccessKey = "test",
        SecretKey = "test",
    };

    public async Task<List<S3Object>> ObjectsAsync()
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = Name };
        while (true)
        {
            var page = await Client.ListObjectsV2Async(request);
            objects.AddRange(page.S3Objects ?? []);
            if (page.IsTruncated != true)
                return objects;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var objects = await ObjectsAsync();
        for (var start = 0; start < objects.Count; start += 1000)
        {
            var batch = objects.Skip(start).Take(1000).Select(o => new KeyVersion { Key = o.Key }).ToList();
            await Client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Name, Objects = batch, Quiet = true });
        }

        await Client.DeleteBucketAsync(Name);
        Client.Dispose();
    }
}
