using Culprit.Model;
using Culprit.Parsing;

namespace Culprit.Tests.Parsing;

public sealed class KeyValueScannerTests
{
    [Theory]
    [InlineData("user=alice", "user", "alice")]
    [InlineData("retry count=3, limit=5.", "limit", "5")]
    [InlineData("retry count=3, limit=5.", "count", "3")]
    [InlineData("(id=42)", "id", "42")]
    [InlineData("x-request-id=r-1 done", "x-request-id", "r-1")]
    [InlineData("note=\"two words\" end", "note", "two words")]
    [InlineData("note=\"never closed", "note", "never closed")]
    public void FindsPairs(string text, string key, string value)
    {
        var entry = new LogEntry();

        KeyValueScanner.Scan(text, entry);

        Assert.Equal(value, entry.Attributes[key]);
    }

    [Theory]
    [InlineData("GET /a?b=c")]
    [InlineData("if a==b then")]
    [InlineData("x = y")]
    [InlineData("=value")]
    [InlineData("key=")]
    [InlineData("1abc=2")]
    [InlineData("")]
    public void IgnoresWhatIsNotAPair(string text)
    {
        var entry = new LogEntry();

        KeyValueScanner.Scan(text, entry);

        Assert.Empty(entry.Attributes);
    }

    [Fact]
    public void WellKnownKeysFillTheirProperties()
    {
        var entry = new LogEntry();

        KeyValueScanner.Scan("traceId=t1 span_id=s1 request_id=r1 service=shop env=prod version=1.2.3 commit=abc123 level=x", entry);

        Assert.Equal(("t1", "s1", "r1"), (entry.TraceId, entry.SpanId, entry.RequestId));
        Assert.Equal(("shop", "prod", "1.2.3", "abc123"), (entry.Service, entry.Environment, entry.Version, entry.CommitSha));
        Assert.Equal("x", entry.Attributes["level"]);
        Assert.Single(entry.Attributes);
    }
}
