using System.Globalization;
using System.Text.Json;

namespace Culprit.Rca.Llm;

/// <summary>
/// The archive of every prompt sent and answer received, one JSON file per exchange under
/// <c>&lt;folder&gt;/&lt;incident&gt;/&lt;time&gt;-&lt;attempt&gt;.json</c>. What is written is what left the
/// machine — redacted — so the archive holds no masked value. (The raw-log archive, <c>IRawArchive</c>, stores
/// line chunks by source and time, which does not fit exchanges.)
/// </summary>
public sealed class RcaTranscripts(string folder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task WriteAsync(RcaTranscript transcript, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Folder, SafeName(transcript.IncidentId));
        Directory.CreateDirectory(directory);
        var stamp = transcript.At.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'.'fffffff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stamp}-{transcript.Attempt}-{Guid.NewGuid():N}.json"));
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
            await JsonSerializer.SerializeAsync(stream, transcript, Json, cancellationToken);
        File.Move(temporary, path);
    }

    /// <summary>The archived exchanges of an incident, oldest first.</summary>
    public IReadOnlyList<RcaTranscript> Read(string incidentId)
    {
        var directory = Path.Combine(Folder, SafeName(incidentId));
        if (!Directory.Exists(directory))
            return [];
        var files = Directory.GetFiles(directory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return [.. files.Select(f => JsonSerializer.Deserialize<RcaTranscript>(File.ReadAllText(f))!)];
    }

    private static string SafeName(string id)
    {
        var chars = id.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not ('-' or '_' or '.'))
                chars[i] = '_';
        }

        return chars.Length == 0 || chars[0] == '.' ? "_" + new string(chars) : new string(chars);
    }
}
