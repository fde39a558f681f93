using Culprit.Ingestion.Archive;
using Culprit.Pipeline;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The repository's sample logs, archived and analysed the way the pipeline does it.</summary>
internal static class ArchiveSamples
{
    public static string Logs
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Culprit.slnx")))
                    return Path.Combine(dir.FullName, "samples", "logs");
            }

            throw new DirectoryNotFoundException("repository root (Culprit.slnx) not found");
        }
    }

    /// <summary>Reads a log as the pipeline does and archives every framed entry with the timestamp its parser found.</summary>
    public static async Task<ArchiveWriter> ArchiveAsync(IRawArchive archive, string path, int chunkBytes)
    {
        var reader = LogReader.CreateDefault();
        var stats = new RunStats();
        var writer = new ArchiveWriter(archive, path, new ArchiveWriterOptions { ChunkBytes = chunkBytes });
        foreach (var raw in reader.ReadRaw(path, stats))
            await writer.AddAsync(raw, reader.Process(raw, stats).Timestamp);
        await writer.FlushAsync();
        return writer;
    }

    public static Task<AnalysisResult> AnalyzeAsync(IReadOnlyList<string> files) =>
        Analyzer.CreateDefault().RunAsync(files, new AnalyzeOptions(), new RunStats());
}
