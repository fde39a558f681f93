using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

public sealed class JsonEntryParserTests
{
    private readonly EntryParser _parser = new(FixedTimeProvider.Midyear2024);

    [Theory]
    [InlineData("{\"@timestamp\":\"2024-01-02T15:04:05.123Z\",\"message\":\"m\"}")]
    [InlineData("{\"timestamp\":\"2024-01-02 15:04:05,123\",\"message\":\"m\"}")]
    [InlineData("{\"time\":\"2024-01-02T17:04:05.123+02:00\",\"message\":\"m\"}")]
    [InlineData("{\"ts\":1704207845.123,\"message\":\"m\"}")]
    [InlineData("{\"ts\":1704207845123,\"message\":\"m\"}")]
    public void TimestampAliases(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, 123, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal("json", entry.Format);
    }

    [Theory]
    [InlineData("{\"level\":\"error\"}", LogLevel.Error)]
    [InlineData("{\"severity\":\"WARNING\"}", LogLevel.Warn)]
    [InlineData("{\"log.level\":\"debug\"}", LogLevel.Debug)]
    [InlineData("{\"log\":{\"level\":\"fatal\"}}", LogLevel.Fatal)]
    [InlineData("{\"level\":50}", LogLevel.Error)]
    [InlineData("{\"level\":3}", LogLevel.Error)]
    [InlineData("{\"@l\":\"Warning\"}", LogLevel.Warn)]
    [InlineData("{\"status\":500}", LogLevel.Unknown)]
    public void LevelAliases(string line, LogLevel level)
    {
        Assert.Equal(level, _parser.Parse(RawEntries.Of(line)).Level);
    }

    [Theory]
    [InlineData("{\"message\":\"hello\",\"msg\":\"other\"}", "hello")]
    [InlineData("{\"msg\":\"hello\"}", "hello")]
    [InlineData("{\"@m\":\"hello\"}", "hello")]
    public void MessageAliases(string line, string message)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(message, entry.Message);
    }

    [Theory]
    [InlineData("{\"msg\":\"x\",\"exception\":\"System.Exception: boom\\n   at A.B()\"}")]
    [InlineData("{\"msg\":\"x\",\"stack_trace\":\"System.Exception: boom\\n   at A.B()\"}")]
    [InlineData("{\"msg\":\"x\",\"error\":{\"stack\":\"System.Exception: boom\\n   at A.B()\"}}")]
    [InlineData("{\"msg\":\"x\",\"exc_info\":\"System.Exception: boom\\n   at A.B()\"}")]
    [InlineData("{\"msg\":\"x\",\"exc_info\":[\"System.Exception: boom\",\"   at A.B()\"]}")]
    public void ExceptionAliases(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal("System.Exception: boom\n   at A.B()", entry.ExceptionText);
    }

    [Theory]
    [InlineData("{\"trace_id\":\"abc\"}")]
    [InlineData("{\"traceId\":\"abc\"}")]
    [InlineData("{\"dd\":{\"trace_id\":\"abc\"}}")]
    [InlineData("{\"dd.trace_id\":\"abc\"}")]
    public void TraceIdAliases(string line)
    {
        Assert.Equal("abc", _parser.Parse(RawEntries.Of(line)).TraceId);
    }

    [Theory]
    [InlineData("{\"service\":\"checkout\",\"version\":\"1.4.2\",\"commit\":\"9f2c1e0\"}")]
    [InlineData("{\"service\":{\"name\":\"checkout\"},\"version\":\"1.4.2\",\"commit\":\"9f2c1e0\"}")]
    [InlineData("{\"service.name\":\"checkout\",\"service.version\":\"1.4.2\",\"git_commit\":\"9f2c1e0\"}")]
    public void DeploymentAliases(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal("checkout", entry.Service);
        Assert.Equal("1.4.2", entry.Version);
        Assert.Equal("9f2c1e0", entry.CommitSha);
    }

    [Fact]
    public void MicrosoftJsonConsoleRecord()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "{\"Timestamp\":\"2024-01-02T15:04:05.123Z\",\"EventId\":7,\"LogLevel\":\"Error\",\"Category\":\"Shop.Api.Orders\",\"Message\":\"Order lost\",\"Exception\":\"System.Exception: boom\\n   at A.B()\",\"State\":{\"OrderId\":17}}"));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, 123, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Shop.Api.Orders", entry.Logger);
        Assert.Equal("Order lost", entry.Message);
        Assert.Equal("System.Exception: boom\n   at A.B()", entry.ExceptionText);
        Assert.Equal("17", entry.Attributes["State.OrderId"]);
        Assert.Equal("7", entry.Attributes["EventId"]);
    }

    [Fact]
    public void OtherFieldsBecomeAttributes()
    {
        var entry = _parser.Parse(RawEntries.Of("{\"msg\":\"x\",\"user_id\":42,\"http\":{\"method\":\"GET\"},\"tags\":[\"a\"]}"));

        Assert.Equal("42", entry.Attributes["user_id"]);
        Assert.Equal("GET", entry.Attributes["http.method"]);
        Assert.Equal("[\"a\"]", entry.Attributes["tags"]);
        Assert.False(entry.Attributes.ContainsKey("http"));
        Assert.False(entry.Attributes.ContainsKey("msg"));
    }

    [Theory]
    [InlineData("{\"msg\": \"bad \\q escape\"")]
    [InlineData("{\"msg\": \"unterminated")]
    [InlineData("{\"a\":1,,}")]
    [InlineData("{\"unquoted\": value}")]
    public void BrokenJsonIsKeptAsPlainWithANote(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(line, entry.Message);
        Assert.NotEqual("json", entry.Format);
        Assert.NotNull(entry.ParseNote);
        Assert.Contains("broken JSON", entry.ParseNote, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(entry.ParseNote, "broken JSON"));
    }

    [Theory]
    [InlineData("{'a': 1, 'b': 2}")]
    [InlineData("{x} placeholder text")]
    public void BracesWithoutAQuotedKeyAreText(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(line, entry.Message);
        Assert.Null(entry.ParseNote);
    }

    [Fact]
    public void RecordBrokenHalfWayLeavesNothingBehind()
    {
        var entry = _parser.Parse(RawEntries.Of("{\"level\":\"error\",\"trace_id\":\"abc\",\"user\":\"u1\",\"msg\": \"bad \\q\"}"));

        Assert.Equal(LogLevel.Unknown, entry.Level);
        Assert.Null(entry.TraceId);
        Assert.Empty(entry.Attributes);
        Assert.Contains("broken JSON", entry.ParseNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"msg\":\"x\"} trailing")]
    [InlineData("{\"msg\":\"x\"}{\"msg\":\"y\"}")]
    [InlineData("{\"msg\":\"x\"")]
    public void TextAfterOrMissingEndIsBroken(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(line, entry.Message);
        Assert.Contains("broken JSON", entry.ParseNote, StringComparison.Ordinal);
    }

    [Fact]
    public void OddShapesAreKept()
    {
        var deep = "{\"a\":" + string.Concat(Enumerable.Repeat("{\"b\":", 20)) + "1" + new string('}', 21);
        var longKey = new string('k', 300);

        var nested = _parser.Parse(RawEntries.Of(deep));
        var wide = _parser.Parse(RawEntries.Of($"{{\"{longKey}\":{{\"x\":1}},\"n\":null,\"d\":1,\"d\":2,\"msg\":\"caf\u00e9 \\u00e9\"}}"));

        Assert.Equal("json", nested.Format);
        Assert.Contains(nested.Attributes, pair => pair.Value.Contains("\"b\":1", StringComparison.Ordinal));
        Assert.Equal("{\"x\":1}", wide.Attributes[longKey]);
        Assert.Equal("null", wide.Attributes["n"]);
        Assert.Equal("1", wide.Attributes["d"]);
        Assert.Equal("caf\u00e9 \u00e9", wide.Message);
    }

    [Fact]
    public void LinesAfterTheObjectAreKeptInTheMessage()
    {
        var entry = _parser.Parse(RawEntries.Of("{\"msg\":\"boom\"}", "\tat com.example.A.b(A.java:1)"));

        Assert.Equal("boom\n\tat com.example.A.b(A.java:1)", entry.Message);
        Assert.Contains("1 line(s) after the JSON object", entry.ParseNote, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
