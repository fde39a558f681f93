using System.Globalization;
using Culprit.Model;
using Culprit.Storage;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Rows for the log store contract, and a field-by-field comparison that says which field differs.</summary>
internal static class LogRows
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static LogRow Row(long line, string? time = "2026-03-01T10:00:00Z", string source = "app.log", string message = "hello") => new()
    {
        Source = source,
        Line = line,
        LastLine = line,
        ByteOffset = line * 100,
        Timestamp = time is null ? null : DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Level = LogLevel.Info,
        Message = message,
        Format = "plain",
    };

    /// <summary>A row with every field set.</summary>
    public static LogRow Full(long line) => Row(line) with
    {
        LastLine = line + 3,
        ByteOffset = 4242,
        Timestamp = new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero),
        Level = LogLevel.Error,
        Service = "checkout",
        Environment = "prod",
        Version = "1.4.2",
        CommitSha = "0123456789abcdef0123456789abcdef01234567",
        Logger = "com.shop.Checkout",
        Thread = "http-nio-8080-exec-3",
        Message = "payment failed for order 42",
        TemplateId = "t-17",
        TemplateParameters = ["42", "EUR"],
        ExceptionType = "java.lang.IllegalStateException",
        ExceptionJson = """{"type":"java.lang.IllegalStateException","frames":[]}""",
        IncidentId = "inc-1",
        CulpritFile = "src/main/java/com/shop/Checkout.java",
        CulpritFunction = "Checkout.pay",
        Attributes = new Dictionary<string, string> { ["user"] = "u-7", ["amount"] = "12.50" },
        TraceId = "trace-1",
        SpanId = "span-1",
        RequestId = "req-1",
        Format = "logback",
        ParseNote = "cut at 1 MiB",
    };

    public static void AssertSame(LogRow expected, LogRow actual)
    {
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Line, actual.Line);
        Assert.Equal(expected.LastLine, actual.LastLine);
        Assert.Equal(expected.ByteOffset, actual.ByteOffset);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        if (actual.Timestamp is { } ts)
            Assert.Equal(TimeSpan.Zero, ts.Offset);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Service, actual.Service);
        Assert.Equal(expected.Environment, actual.Environment);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CommitSha, actual.CommitSha);
        Assert.Equal(expected.Logger, actual.Logger);
        Assert.Equal(expected.Thread, actual.Thread);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.TemplateId, actual.TemplateId);
        Assert.Equal(expected.TemplateParameters, actual.TemplateParameters);
        Assert.Equal(expected.ExceptionType, actual.ExceptionType);
        Assert.Equal(expected.ExceptionJson, actual.ExceptionJson);
        Assert.Equal(expected.IncidentId, actual.IncidentId);
        Assert.Equal(expected.CulpritFile, actual.CulpritFile);
        Assert.Equal(expected.CulpritFunction, actual.CulpritFunction);
        Assert.Equal(expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
        Assert.Equal(expected.TraceId, actual.TraceId);
        Assert.Equal(expected.SpanId, actual.SpanId);
        Assert.Equal(expected.RequestId, actual.RequestId);
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.ParseNote, actual.ParseNote);
    }

    /// <summary>A list that fails when the store reaches one index, to show that an append is all or nothing.</summary>
    public sealed class FailingList(IReadOnlyList<LogRow> rows, int failAt) : IReadOnlyList<LogRow>
    {
        public LogRow this[int index] => index == failAt ? throw new InvalidOperationException("source failed mid-batch") : rows[index];

        public int Count => rows.Count;

        public IEnumerator<LogRow> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
