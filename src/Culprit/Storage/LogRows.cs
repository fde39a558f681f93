using System.Text.Json;
using Culprit.Exceptions;
using Culprit.Grouping;
using Culprit.Model;

namespace Culprit.Storage;

/// <summary>Turns a processed entry into the row the log store keeps.</summary>
public static class LogRows
{
    public static LogRow From(LogEntry entry, string? incidentId)
    {
        var exception = entry.Exception;
        var culprit = exception is null ? null : IncidentGrouper.CulpritFrame(exception);
        return new LogRow
        {
            Source = entry.Position.Source,
            Line = entry.Position.FirstLine,
            LastLine = entry.Position.LastLine,
            ByteOffset = entry.Position.ByteOffset,
            Timestamp = entry.Timestamp,
            Level = entry.Level,
            Service = entry.Service,
            Environment = entry.Environment,
            Version = entry.Version,
            CommitSha = entry.CommitSha,
            Logger = entry.Logger,
            Thread = entry.Thread,
            Message = entry.Message,
            TemplateId = entry.TemplateId,
            TemplateParameters = entry.TemplateParameters,
            ExceptionType = exception?.Root.Type ?? exception?.Type,
            ExceptionJson = exception is null ? null : ExceptionsJson(entry),
            IncidentId = incidentId,
            CulpritFile = culprit?.File ?? culprit?.Module,
            CulpritFunction = culprit?.Function,
            Attributes = entry.Attributes,
            TraceId = entry.TraceId,
            SpanId = entry.SpanId,
            RequestId = entry.RequestId,
            Format = entry.Format,
            ParseNote = entry.ParseNote,
        };
    }

    private static string ExceptionsJson(LogEntry entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var exception in entry.Exceptions)
                ExceptionJson.Write(w, entry.Position.Source, exception);
            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
