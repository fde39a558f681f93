using System.Text.Json;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>Reads back an exception written by <see cref="ExceptionJson"/> (as stored with each incident).</summary>
public static class ExceptionJsonReader
{
    /// <summary>The exception, or null when the text is not an exception object.</summary>
    public static ExceptionInfo? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return null;
            var runtime = RuntimeOf(Text(document.RootElement, "runtime"));
            return ReadBody(document.RootElement, runtime);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ExceptionInfo ReadBody(JsonElement e, Runtime runtime)
    {
        var exception = new ExceptionInfo
        {
            Runtime = runtime,
            Type = Text(e, "type"),
            Message = Text(e, "message"),
            Thread = Text(e, "thread"),
            FramesOmitted = e.TryGetProperty("frames_omitted", out var omitted) && omitted.ValueKind == JsonValueKind.Number ? omitted.GetInt32() : 0,
            Truncated = e.TryGetProperty("truncated", out var truncated) && truncated.ValueKind == JsonValueKind.True,
        };
        if (e.TryGetProperty("first_line", out var first) && first.ValueKind == JsonValueKind.Number)
            exception.FirstLine = first.GetInt64();
        if (e.TryGetProperty("last_line", out var last) && last.ValueKind == JsonValueKind.Number)
            exception.LastLine = last.GetInt64();
        if (Text(e, "full_message") is { } full && exception.Message is { } message && full.StartsWith(message, StringComparison.Ordinal))
            exception.MessageContinuation.AddRange(full[message.Length..].TrimStart('\n').Split('\n'));
        if (e.TryGetProperty("frames", out var frames) && frames.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in frames.EnumerateArray())
                exception.Frames.Add(ReadFrame(f));
        }
        ReadLinks(e, "causes", exception.Causes, runtime);
        ReadLinks(e, "suppressed", exception.Suppressed, runtime);
        if (e.TryGetProperty("group", out var group) && group.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in group.EnumerateArray())
                exception.Group.Add(ReadBody(member, runtime));
        }
        return exception;
    }

    private static void ReadLinks(JsonElement e, string name, List<ExceptionInfo> links, Runtime runtime)
    {
        if (!e.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            return;
        foreach (var link in array.EnumerateArray())
        {
            var exception = ReadBody(link, runtime);
            exception.Relation = Text(link, "relation") switch
            {
                "caused_by" => ExceptionRelation.CausedBy,
                "inner" => ExceptionRelation.Inner,
                "cause" => ExceptionRelation.Cause,
                "context" => ExceptionRelation.Context,
                "suppressed" => ExceptionRelation.Suppressed,
                _ => ExceptionRelation.None,
            };
            links.Add(exception);
        }
    }

    private static Frame ReadFrame(JsonElement f) => new()
    {
        Function = Text(f, "function"),
        Module = Text(f, "module"),
        File = Text(f, "file"),
        Line = Number(f, "line"),
        Column = Number(f, "column"),
        InApp = f.TryGetProperty("in_app", out var inApp) && inApp.ValueKind == JsonValueKind.True,
    };

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static Runtime RuntimeOf(string? name)
    {
        foreach (var runtime in Enum.GetValues<Runtime>())
        {
            if (ExceptionJson.RuntimeName(runtime) == name)
                return runtime;
        }
        return Runtime.Unknown;
    }
}
