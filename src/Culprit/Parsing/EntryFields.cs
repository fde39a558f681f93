using Culprit.Model;

namespace Culprit.Parsing;

/// <summary>The string properties of <see cref="LogEntry"/> addressed by <see cref="FieldKind"/>.</summary>
internal static class EntryFields
{
    /// <summary>Empties what a parser filled, so that a record found broken half way leaves nothing behind.</summary>
    public static void Clear(LogEntry entry)
    {
        entry.Timestamp = null;
        entry.Level = LogLevel.Unknown;
        entry.Message = "";
        entry.ExceptionText = null;
        entry.TraceId = entry.SpanId = entry.RequestId = null;
        entry.Service = entry.Environment = entry.Version = entry.CommitSha = null;
        entry.Logger = entry.Thread = null;
        entry.Attributes.Clear();
    }

    /// <summary>Sets the property <paramref name="kind"/> names and returns the value it held before.</summary>
    public static string? Swap(LogEntry entry, FieldKind kind, string value)
    {
        string? old;
        switch (kind)
        {
            case FieldKind.Message:
                old = entry.Message.Length == 0 ? null : entry.Message;
                entry.Message = value;
                break;
            case FieldKind.Exception:
                (old, entry.ExceptionText) = (entry.ExceptionText, value);
                break;
            case FieldKind.TraceId:
                (old, entry.TraceId) = (entry.TraceId, value);
                break;
            case FieldKind.SpanId:
                (old, entry.SpanId) = (entry.SpanId, value);
                break;
            case FieldKind.RequestId:
                (old, entry.RequestId) = (entry.RequestId, value);
                break;
            case FieldKind.Service:
                (old, entry.Service) = (entry.Service, value);
                break;
            case FieldKind.Environment:
                (old, entry.Environment) = (entry.Environment, value);
                break;
            case FieldKind.Version:
                (old, entry.Version) = (entry.Version, value);
                break;
            case FieldKind.Commit:
                (old, entry.CommitSha) = (entry.CommitSha, value);
                break;
            case FieldKind.Logger:
                (old, entry.Logger) = (entry.Logger, value);
                break;
            case FieldKind.Thread:
                (old, entry.Thread) = (entry.Thread, value);
                break;
            default:
                old = null;
                break;
        }

        return old;
    }
}
