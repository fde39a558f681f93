using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Culprit.Storage.Migrations;

/// <summary>
/// The migrations of one backend, read from the SQL files embedded in this assembly
/// (<c>Storage/Migrations/&lt;Backend&gt;/NNNN_name.sql</c>), in version order without gaps.
/// </summary>
internal sealed class MigrationSet
{
    private MigrationSet(IReadOnlyList<Migration> migrations) => All = migrations;

    public static MigrationSet Sqlite { get; } = Load("Sqlite");

    public static MigrationSet Postgres { get; } = Load("Postgres");

    public IReadOnlyList<Migration> All { get; }

    public int Latest => All[^1].Version;

    private static MigrationSet Load(string backend)
    {
        var assembly = typeof(MigrationSet).Assembly;
        var prefix = $"Culprit.Migrations.{backend}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
                migrations.Add(Read(assembly, resource, resource[prefix.Length..^4]));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"{backend} migrations must be numbered 1, 2, 3 … without gaps; found {migrations[i].Version} at position {i + 1}.");
        }

        return migrations.Count == 0
            ? throw new InvalidOperationException($"No {backend} migrations are embedded.")
            : new MigrationSet(migrations);
    }

    private static Migration Read(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(separator < 0 ? fileName : fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(version, fileName, sql, checksum);
    }
}
