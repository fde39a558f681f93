using Culprit.Storage;
using Culprit.Storage.Archive;

namespace Culprit.IntegrationTests.Storage;

public sealed class FolderArchiveContractTests : RawArchiveContract
{
    private string _root = "";

    protected override Task<IRawArchive> CreateArchiveAsync()
    {
        _root = Path.Combine(Directory.CreateTempSubdirectory("culprit-archive-").FullName, "archive");
        return Task.FromResult<IRawArchive>(new FolderArchive(_root));
    }

    protected override Task DestroyArchiveAsync()
    {
        Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);
        return Task.CompletedTask;
    }
}
