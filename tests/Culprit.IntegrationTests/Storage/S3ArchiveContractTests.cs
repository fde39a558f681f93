using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.IntegrationTests.Storage;

public sealed class S3ArchiveContractTests : RawArchiveContract
{
    private S3TestBucket? _bucket;

    protected override async Task<IRawArchive> CreateArchiveAsync()
    {
        _bucket = await S3TestBucket.CreateAsync();
        return new S3Archive(_bucket.Options());
    }

    protected override async Task DestroyArchiveAsync()
    {
        ((S3Archive)Archive).Dispose();
        if (_bucket is not null)
            await _bucket.DisposeAsync();
    }
}
