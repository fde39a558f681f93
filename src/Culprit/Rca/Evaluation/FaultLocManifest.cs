using System.Text.Json;

namespace Culprit.Rca.Evaluation;

/// <summary>Reads the fault-localisation manifest: <c>{cases: [{id, language, trace_file, ground_truth, stack_baseline}]}</c>.</summary>
public static class FaultLocManifest
{
    /// <summary>The cases; <see cref="InvalidDataException"/> naming the file (and case) when it is not such a manifest.</summary>
    public static IReadOnlyList<FaultLocCase> Read(string path)
    {
        try
        {
            return ReadCases(path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message})", e);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: a case lacks a field or has one of the wrong type ({e.Message})", e);
        }
    }

    private static IReadOnlyList<FaultLocCase> ReadCases(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path}: no \"cases\" array");
        var result = new List<FaultLocCase>();
        foreach (var c in cases.EnumerateArray())
        {
            var id = c.GetProperty("id").GetString() ?? throw new InvalidDataException($"{path}: a case has no id");
            var locations = new List<FaultLocLocation>();
            foreach (var location in c.GetProperty("ground_truth").GetProperty("locations").EnumerateArray())
            {
                var methods = new List<(string, int, int)>();
                foreach (var m in location.GetProperty("methods").EnumerateArray())
                    methods.Add((m.GetProperty("name").GetString() ?? "", m.GetProperty("start_line").GetInt32(), m.GetProperty("end_line").GetInt32()));
                locations.Add(new FaultLocLocation(location.GetProperty("file").GetString() ?? "", methods));
            }
            int? baseline = null;
            if (c.TryGetProperty("stack_baseline", out var b) && b.TryGetProperty("faulty_method_rank", out var rank) && rank.ValueKind == JsonValueKind.Number)
                baseline = rank.GetInt32();
            var trace = c.TryGetProperty("trace_file", out var t) ? t.GetString() ?? $"traces/{id}.txt" : $"traces/{id}.txt";
            result.Add(new FaultLocCase(id, c.TryGetProperty("language", out var l) ? l.GetString() ?? "" : "", trace, locations, baseline));
        }
        return result;
    }
}
