using System.Text.Json;
using Culprit.Model;

namespace Culprit.Exceptions;

/// <summary>
/// Writes exceptions in the stable <c>culprit exceptions --json</c> shape, which uses the field names and
/// conventions of the shared stack-trace corpus manifests (frames in printed order).
/// </summary>
public static class ExceptionJson
{
    public static string RuntimeName(Runtime runtime) => runtime switch
    {
        Runtime.Java => "java",
        Runtime.DotNet => "dotnet",
        Runtime.Python => "python",
        Runtime.Node => "node",
        Runtime.Go => "go",
        Runtime.Ruby => "ruby",
        Runtime.Php => "php",
        Runtime.Rust => "rust",
        _ => "unknown",
    };

    public static string RelationName(ExceptionRelation relation) => relation switch
    {
        ExceptionRelation.CausedBy => "caused_by",
        ExceptionRelation.Inner => "inner",
        ExceptionRelation.Cause => "cause",
        ExceptionRelation.Context => "context",
        ExceptionRelation.Suppressed => "suppressed",
        _ => "none",
    };

    /// <summary>One exception as a JSON string (for storage).</summary>
    public static string ToJson(string file, ExceptionInfo exception)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, file, exception);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A frame as a JSON object string.</summary>
    public static string FrameToJson(Frame frame)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteFrame(w, frame);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one top-level exception found in <paramref name="file"/>.</summary>
    /// <param name="resolve">With a repository: where each frame lands (adds repo_path, symbol, symbol_start, symbol_end, resolve_note).</param>
    public static void Write(Utf8JsonWriter w, string file, ExceptionInfo exception, Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve = null)
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteNumber("first_line", exception.FirstLine);
        w.WriteNumber("last_line", exception.LastLine);
        w.WriteString("runtime", RuntimeName(exception.Runtime));
        // Causes may not carry the runtime: they share the top exception's.
        var top = exception.Runtime;
        WriteBody(w, exception, withLines: false, resolve is null ? null : (f, r) => resolve(f, r == Runtime.Unknown ? top : r));
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, ExceptionInfo e, bool withLines, Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve = null)
    {
        if (withLines)
        {
            w.WriteNumber("first_line", e.FirstLine);
            w.WriteNumber("last_line", e.LastLine);
        }

        w.WriteString("type", e.Type);
        w.WriteString("message", e.Message);
        if (e.MessageContinuation.Count > 0)
            w.WriteString("full_message", e.FullMessage);
        if (e.Thread is not null)
            w.WriteString("thread", e.Thread);
        if (e.Location is { } location)
        {
            w.WriteStartObject("location");
            w.WriteString("file", location.File);
            w.WriteNumber("line", location.Line);
            if (location.Column is { } column)
                w.WriteNumber("column", column);
            w.WriteEndObject();
        }

        WriteFrames(w, "frames", e.Frames, f => resolve?.Invoke(f, e.Runtime));
        w.WriteNumber("frames_omitted", e.FramesOmitted);
        WriteLinks(w, "causes", e.Causes, always: true, resolve);
        WriteLinks(w, "suppressed", e.Suppressed, always: false, resolve);
        if (e.Group.Count > 0)
        {
            w.WriteStartArray("group");
            foreach (var member in e.Group)
            {
                w.WriteStartObject();
                WriteBody(w, member, withLines: true, resolve);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (e.Goroutines.Count > 0)
        {
            w.WriteStartArray("goroutines");
            foreach (var g in e.Goroutines)
            {
                w.WriteStartObject();
                w.WriteNumber("id", g.Id);
                w.WriteString("state", g.State);
                WriteFrames(w, "frames", g.Frames, f => resolve?.Invoke(f, e.Runtime));
                w.WritePropertyName("created_by");
                if (g.CreatedBy is null)
                    w.WriteNullValue();
                else
                    WriteFrame(w, g.CreatedBy);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (e.Truncated)
            w.WriteBoolean("truncated", true);
    }

    private static void WriteLinks(Utf8JsonWriter w, string name, List<ExceptionInfo> links, bool always, Func<Frame, Runtime, Code.Mapping.FrameResolution>? resolve)
    {
        if (links.Count == 0 && !always)
            return;
        w.WriteStartArray(name);
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("relation", RelationName(link.Relation));
            WriteBody(w, link, withLines: false, resolve);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFrames(Utf8JsonWriter w, string name, List<Frame> frames, Func<Frame, Code.Mapping.FrameResolution?>? resolve = null)
    {
        w.WriteStartArray(name);
        foreach (var frame in frames)
            WriteFrame(w, frame, resolve?.Invoke(frame));
        w.WriteEndArray();
    }

    private static void WriteFrame(Utf8JsonWriter w, Frame f, Code.Mapping.FrameResolution? resolution = null)
    {
        w.WriteStartObject();
        w.WriteString("function", f.Function);
        w.WriteString("module", f.Module);
        w.WriteString("file", f.File);
        WriteNullableNumber(w, "line", f.Line);
        WriteNullableNumber(w, "column", f.Column);
        w.WriteBoolean("in_app", f.InApp);
        if (resolution is not null)
        {
            w.WriteString("repo_path", resolution.RepoPath);
            w.WriteString("symbol", resolution.Symbol?.QualifiedName);
            WriteNullableNumber(w, "symbol_start", resolution.Symbol?.StartLine);
            WriteNullableNumber(w, "symbol_end", resolution.Symbol?.EndLine);
            if (resolution.Symbol is null)
                w.WriteString("resolve_note", resolution.Note ?? "no enclosing function");
        }
        w.WriteEndObject();
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
