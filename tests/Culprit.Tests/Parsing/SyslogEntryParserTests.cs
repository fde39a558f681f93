using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

public sealed class SyslogEntryParserTests
{
    private readonly EntryParser _parser = new(FixedTimeProvider.Midyear2024);

    [Fact]
    public void Rfc3164()
    {
        var entry = _parser.Parse(RawEntries.Of("<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for alice on /dev/pts/8"));

        Assert.Equal("syslog", entry.Format);
        Assert.Equal(LogLevel.Fatal, entry.Level);
        Assert.Equal(new DateTimeOffset(2023, 10, 11, 22, 14, 15, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal("su", entry.Service);
        Assert.Equal("mymachine", entry.Attributes["host"]);
        Assert.Equal("230", entry.Attributes["pid"]);
        Assert.Equal("'su root' failed for alice on /dev/pts/8", entry.Message);
    }

    [Theory]
    [InlineData("<11>Jan  2 15:04:05 web-1 app: x", LogLevel.Error)]
    [InlineData("<12>Jan  2 15:04:05 web-1 app: x", LogLevel.Warn)]
    [InlineData("<13>Jan  2 15:04:05 web-1 app: x", LogLevel.Info)]
    [InlineData("<14>Jan  2 15:04:05 web-1 app: x", LogLevel.Info)]
    [InlineData("<15>Jan  2 15:04:05 web-1 app: x", LogLevel.Debug)]
    [InlineData("<8>Jan  2 15:04:05 web-1 app: x", LogLevel.Fatal)]
    public void SeverityComesFromThePriority(string line, LogLevel level)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(level, entry.Level);
        Assert.Equal("x", entry.Message);
    }

    [Fact]
    public void Rfc3164WithIsoTimestampAndEmbeddedHeader()
    {
        var entry = _parser.Parse(RawEntries.Of("<27>2024-01-02T15:04:05.123+01:00 web-1 shop[9]: ERROR [main] com.shop.Cart - Cart lost"));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 14, 4, 5, 123, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("com.shop.Cart", entry.Logger);
        Assert.Equal("main", entry.Thread);
        Assert.Equal("Cart lost", entry.Message);
    }

    [Fact]
    public void Rfc3164WithoutTimestamp()
    {
        var entry = _parser.Parse(RawEntries.Of("<13>myapp[12]: started"));

        Assert.Equal("myapp", entry.Service);
        Assert.Equal("started", entry.Message);
        Assert.Null(entry.Timestamp);
    }

    [Fact]
    public void Rfc5424WithStructuredData()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 4242 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App \\\"x\\\"\" trace_id=\"abc\"][other@1 k=\"v\\]\"] \uFEFFAn application event"));

        Assert.Equal("syslog", entry.Format);
        Assert.Equal(LogLevel.Info, entry.Level);
        Assert.Equal(new DateTimeOffset(2003, 10, 11, 22, 14, 15, 3, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal("mymachine.example.com", entry.Attributes["host"]);
        Assert.Equal("evntslog", entry.Service);
        Assert.Equal("4242", entry.Attributes["pid"]);
        Assert.Equal("ID47", entry.Attributes["msgid"]);
        Assert.Equal("3", entry.Attributes["iut"]);
        Assert.Equal("App \"x\"", entry.Attributes["eventSource"]);
        Assert.Equal("v]", entry.Attributes["k"]);
        Assert.Equal("abc", entry.TraceId);
        Assert.Equal("An application event", entry.Message);
    }

    [Fact]
    public void Rfc5424WithNilValues()
    {
        var entry = _parser.Parse(RawEntries.Of("<34>1 - - - - - - just the message"));

        Assert.Null(entry.Timestamp);
        Assert.Null(entry.Service);
        Assert.False(entry.Attributes.ContainsKey("host"));
        Assert.Equal("just the message", entry.Message);
    }

    [Theory]
    [InlineData("<>")]
    [InlineData("<999>Oct 11 22:14:15 host app: x")]
    [InlineData("<34>1")]
    [InlineData("<34>1 2003-10-11T22:14:15.003Z")]
    [InlineData("<34>1 - - - - - [unterminated k=\"v")]
    [InlineData("<34>1 - - - - - [a k=v] x")]
    [InlineData("<34>")]
    [InlineData("<34>Oct 11")]
    public void MalformedLinesDoNotThrow(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.NotNull(entry.Message);
    }
}
