using Culprit.Storage;

namespace Culprit.Cli;

/// <summary>Opens and migrates the configured stores, turning connection failures into one clear message (exit code 3).</summary>
public static class CliStores
{
    public static async Task<StoreSet> OpenAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        StoreSet stores;
        try
        {
            stores = await StoreFactory.OpenAsync(options, TimeProvider.System, cancellationToken);
        }
        catch (Exception e) when (e is StorageException or Storage.Archive.ArchiveUnavailableException or Storage.ClickHouse.ClickHouseException or IOException or InvalidDataException)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        try
        {
            await stores.MigrateAsync(cancellationToken);
            return stores;
        }
        catch (Exception e) when (e is StorageException or Storage.Archive.ArchiveUnavailableException or Storage.ClickHouse.ClickHouseException or IOException or InvalidDataException)
        {
            await stores.DisposeAsync();
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
