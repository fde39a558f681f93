using System.Globalization;
using System.Text.Json;

namespace Culprit.Code.Samples;

/// <summary>
/// The demo's deploys (samples/deploys.json) and commits (samples/history/commits.json). The samples ship with
/// Culprit, so a file that does not read is a broken build: it throws <see cref="InvalidDataException"/> naming
/// the file and the field.
/// </summary>
internal sealed class DemoPlan
{
    private DemoPlan(IReadOnlyList<DemoDeployEntry> deploys, IReadOnlyList<DemoCommitStep> commits)
    {
        Deploys = deploys;
        Commits = commits;
    }

    public IReadOnlyList<DemoDeployEntry> Deploys { get; }

    /// <summary>The commits in the order they are made (and in date order).</summary>
    public IReadOnlyList<DemoCommitStep> Commits { get; }

    public static DemoPlan Load(string samplesFolder)
    {
        var deploysPath = Path.Combine(samplesFolder, "deploys.json");
        var commitsPath = Path.Combine(samplesFolder, "history", "commits.json");
        var deploys = new List<DemoDeployEntry>();
        using (var document = Read(deploysPath))
        {
            foreach (var item in Array(document.RootElement, "deploys", deploysPath))
            {
                deploys.Add(new DemoDeployEntry(
                    Text(item, "service", deploysPath),
                    Text(item, "environment", deploysPath),
                    Text(item, "version", deploysPath),
                    Time(item, "deployed_at", deploysPath)));
            }
        }

        var commits = new List<DemoCommitStep>();
        using (var document = Read(commitsPath))
        {
            foreach (var item in Array(document.RootElement, "commits", commitsPath))
                commits.Add(Step(item, commitsPath));
        }

        for (var i = 1; i < commits.Count; i++)
        {
            if (commits[i].When < commits[i - 1].When)
                throw new InvalidDataException($"{commitsPath}: commit {i + 1} is dated before commit {i}");
        }

        return new DemoPlan(deploys, commits);
    }

    private static DemoCommitStep Step(JsonElement item, string path)
    {
        var author = Text(item, "author", path);
        var open = author.IndexOf('<', StringComparison.Ordinal);
        if (open <= 0 || !author.EndsWith('>'))
            throw new InvalidDataException($"{path}: author '{author}' is not 'Name <email>'");
        var service = item.TryGetProperty("service", out var s) ? s.GetString() : null;
        var previous = item.TryGetProperty("state", out var state) && state.GetString() == "previous";
        var files = new List<string>();
        if (item.TryGetProperty("files", out var list))
        {
            foreach (var file in list.EnumerateArray())
                files.Add(file.GetString() ?? throw new InvalidDataException($"{path}: a file name is null"));
        }

        if (previous == (files.Count > 0) || (previous && service is null))
            throw new InvalidDataException($"{path}: a commit is either a service's previous state or a list of files");
        return new DemoCommitStep(
            author[..open].Trim(), author[(open + 1)..^1], Time(item, "date", path), Text(item, "message", path), service, previous, files);
    }

    private static JsonDocument Read(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : throw new InvalidDataException($"{path} has no '{name}' array");

    private static string Text(JsonElement item, string name, string path) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{path}: an entry has no '{name}'");

    private static DateTimeOffset Time(JsonElement item, string name, string path)
    {
        var text = Text(item, name, path);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new InvalidDataException($"{path}: '{name}' {text} is not a time");
    }
}
