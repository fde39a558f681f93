using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

public sealed class LogfmtEntryParserTests
{
    private readonly EntryParser _parser = new(FixedTimeProvider.Midyear2024);

    [Fact]
    public void ReadsFieldsAndQuotedValues()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "time=2024-01-02T15:04:05.123Z level=error msg=\"charge \\\"failed\\\" again\" order=17 trace_id=4bf9 service=checkout empty= path=/pay"));

        Assert.Equal("logfmt", entry.Format);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, 123, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("charge \"failed\" again", entry.Message);
        Assert.Equal("17", entry.Attributes["order"]);
        Assert.Equal("/pay", entry.Attributes["path"]);
        Assert.Equal("", entry.Attributes["empty"]);
        Assert.Equal("4bf9", entry.TraceId);
        Assert.Equal("checkout", entry.Service);
        Assert.False(entry.Attributes.ContainsKey("msg"));
    }

    [Theory]
    [InlineData("ts=1704207845.5 lvl=eror msg=x", LogLevel.Error)]
    [InlineData("t=2024-01-02T15:04:05Z lvl=dbug msg=x", LogLevel.Debug)]
    [InlineData("level=WARN msg=x", LogLevel.Warn)]
    [InlineData("level=50 msg=x", LogLevel.Error)]
    [InlineData("severity=critical msg=x", LogLevel.Fatal)]
    public void LevelAliases(string line, LogLevel level)
    {
        Assert.Equal(level, _parser.Parse(RawEntries.Of(line)).Level);
    }

    [Fact]
    public void BetterRankedAliasWinsAndTheOtherStaysAnAttribute()
    {
        var entry = _parser.Parse(RawEntries.Of("level=info event=user_login msg=\"user logged in\""));

        Assert.Equal("user logged in", entry.Message);
        Assert.Equal("user_login", entry.Attributes["event"]);
    }

    [Fact]
    public void UnparsableLevelAndTimeStayAttributes()
    {
        var entry = _parser.Parse(RawEntries.Of("time=yesterday level=loud msg=x"));

        Assert.Null(entry.Timestamp);
        Assert.Equal(LogLevel.Unknown, entry.Level);
        Assert.Equal("yesterday", entry.Attributes["time"]);
        Assert.Equal("loud", entry.Attributes["level"]);
    }

    [Fact]
    public void StackFieldBecomesExceptionText()
    {
        var entry = _parser.Parse(RawEntries.Of("level=error msg=boom stacktrace=\"goroutine 1 [running]:\\nmain.main()\\n\\t/app/main.go:9 +0x1d\""));

        Assert.Equal("goroutine 1 [running]:\nmain.main()\n\t/app/main.go:9 +0x1d", entry.ExceptionText);
    }

    [Fact]
    public void LineWithoutMessageKeyIsItsOwnMessage()
    {
        const string line = "at=info method=GET path=/ status=200";

        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(line, entry.Message);
        Assert.Equal("GET", entry.Attributes["method"]);
        Assert.Equal("200", entry.Attributes["status"]);
    }

    [Fact]
    public void KnownLogfmtSourceAcceptsAnyLeadingKey()
    {
        var parser = new EntryParser(FixedTimeProvider.Midyear2024);
        parser.Parse(RawEntries.From("app.log", "level=info msg=first"));

        var entry = parser.Parse(RawEntries.From("app.log", "method=GET msg=second"));
        var elsewhere = parser.Parse(RawEntries.From("other.log", "method=GET msg=second"));

        Assert.Equal("logfmt", entry.Format);
        Assert.Equal("second", entry.Message);
        Assert.NotEqual("logfmt", elsewhere.Format);
    }

    [Theory]
    [InlineData("msg=\"never closed")]
    [InlineData("level=")]
    [InlineData("msg= = =\"\" \\ \"")]
    [InlineData("t=")]
    public void MalformedLinesDoNotThrow(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal("logfmt", entry.Format);
    }
}
