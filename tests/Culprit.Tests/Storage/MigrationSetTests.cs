using Culprit.Storage.Migrations;

namespace Culprit.Tests.Storage;

public sealed class MigrationSetTests
{
    [Fact]
    public void EveryBackendHasTheSameNumberedMigrations()
    {
        Assert.Equal(
            MigrationSet.Sqlite.All.Select(m => (m.Version, m.Name)),
            MigrationSet.Postgres.All.Select(m => (m.Version, m.Name)));
        Assert.True(MigrationSet.Sqlite.Latest >= 2);
    }

    [Fact]
    public void MigrationsAreNumberedFromOneWithoutGaps()
    {
        foreach (var set in new[] { MigrationSet.Sqlite, MigrationSet.Postgres })
        {
            Assert.Equal(Enumerable.Range(1, set.All.Count), set.All.Select(m => m.Version));
            Assert.All(set.All, m => Assert.Equal(64, m.Checksum.Length));
            Assert.All(set.All, m => Assert.Contains("CREATE", m.Sql, StringComparison.Ordinal));
        }
    }
}
