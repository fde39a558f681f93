namespace Culprit.Parsing;

/// <summary>The <see cref="Model.LogEntry"/> property a structured field name stands for.</summary>
internal enum FieldKind
{
    None,
    Timestamp,
    Level,
    Message,
    Exception,
    TraceId,
    SpanId,
    RequestId,
    Service,
    Environment,
    Version,
    Commit,
    Logger,
    Thread,
}
