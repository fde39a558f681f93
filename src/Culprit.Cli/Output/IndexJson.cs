using System.Text.Json;
using Culprit.Code.Index;

namespace Culprit.Cli.Output;

/// <summary>The JSON of <c>culprit index --json</c>: the commit, the nearest indexed ancestor, counts and seconds per phase.</summary>
public static class IndexJson
{
    public static void Write(TextWriter writer, IndexResult r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, IncidentJson.Options))
        {
            w.WriteStartObject();
            w.WriteString("repository_id", r.RepositoryId);
            w.WriteString("commit", r.Commit);
            w.WriteString("nearest_indexed_commit", r.NearestIndexedCommit);
            WriteNumber(w, "commits_since_nearest", r.CommitsSinceNearest);
            WriteNumber(w, "files_changed_since_nearest", r.FilesChangedSinceNearest);
            w.WriteStartObject("files");
            w.WriteNumber("tree", r.TreeFiles);
            w.WriteNumber("indexed", r.Files);
            w.WriteNumber("reused", r.FilesReused);
            w.WriteNumber("parsed", r.FilesParsed);
            w.WriteNumber("skipped", r.FilesSkipped);
            w.WriteNumber("with_notes", r.FilesWithNotes);
            w.WriteNumber("not_stored", r.FilesNotStored);
            w.WriteEndObject();
            w.WriteStartObject("symbols");
            w.WriteNumber("total", r.Symbols);
            w.WriteNumber("parsed", r.SymbolsParsed);
            w.WriteEndObject();
            w.WriteStartObject("chunks");
            w.WriteNumber("total", r.Chunks);
            w.WriteNumber("made", r.ChunksMade);
            w.WriteNumber("embedded", r.ChunksEmbedded);
            w.WriteEndObject();
            w.WriteString("embedder", r.Embedder);
            w.WriteStartObject("seconds");
            w.WriteNumber("list", Math.Round(r.Timings.List.TotalSeconds, 3));
            w.WriteNumber("parse", Math.Round(r.Timings.Parse.TotalSeconds, 3));
            w.WriteNumber("chunk", Math.Round(r.Timings.Chunk.TotalSeconds, 3));
            w.WriteNumber("embed", Math.Round(r.Timings.Embed.TotalSeconds, 3));
            w.WriteNumber("store", Math.Round(r.Timings.Store.TotalSeconds, 3));
            w.WriteNumber("total", Math.Round(r.Timings.Total.TotalSeconds, 3));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
