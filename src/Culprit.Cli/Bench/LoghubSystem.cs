using System.Text.Json;

namespace Culprit.Cli.Bench;

/// <summary>One system of a Loghub-style benchmark folder: its raw log, its structured ground truth and its header layout.</summary>
public sealed record LoghubSystem(string Name, string RawLog, string Truth, string? LogFormat)
{
    /// <summary>
    /// The systems of <paramref name="folder"/>: from its <c>datasets.json</c> when there is one (file names and
    /// <c>log_format</c> per system), else every subfolder holding <c>*.log</c> and <c>*structured*.csv</c>.
    /// </summary>
    public static IReadOnlyList<LoghubSystem> Find(string folder)
    {
        if (!Directory.Exists(folder))
            throw new UsageException($"--loghub: directory not found: '{folder}'");
        var manifest = Path.Combine(folder, "datasets.json");
        var systems = File.Exists(manifest) ? FromManifest(folder, manifest) : FromFolders(folder);
        if (systems.Count == 0)
            throw new UsageException($"--loghub: no system (a folder with a .log and a structured .csv) under '{folder}'");
        return systems;
    }

    private static List<LoghubSystem> FromManifest(string folder, string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var systems = new List<LoghubSystem>();
        foreach (var s in doc.RootElement.GetProperty("systems").EnumerateArray())
        {
            var name = s.GetProperty("system").GetString() ?? "";
            var files = s.GetProperty("files");
            var raw = Path.Combine(folder, files.GetProperty("raw_log").GetProperty("file").GetString() ?? "");
            var truth = Path.Combine(folder, files.GetProperty("structured").GetProperty("file").GetString() ?? "");
            var format = s.TryGetProperty("log_format", out var f) ? f.GetString() : null;
            systems.Add(new LoghubSystem(name, raw, truth, format));
        }

        return systems;
    }

    private static List<LoghubSystem> FromFolders(string folder)
    {
        var systems = new List<LoghubSystem>();
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var raw = Directory.EnumerateFiles(dir, "*.log").Order(StringComparer.Ordinal).FirstOrDefault();
            var truth = Directory.EnumerateFiles(dir, "*structured*.csv").Order(StringComparer.Ordinal).FirstOrDefault();
            if (raw is not null && truth is not null)
                systems.Add(new LoghubSystem(Path.GetFileName(dir), raw, truth, null));
        }

        return systems;
    }
}
