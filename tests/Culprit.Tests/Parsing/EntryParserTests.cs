using CsCheck;
using Culprit.Framing;
using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

public sealed class EntryParserTests
{
    private static readonly string[] Fragments =
    [
        "2024-01-02T15:04:05.123Z", "2024-01-02 15:04:05,123", "2024/01/02 ", "15:04:05", "Oct 11 22:14:15", "Jul 09, 2015 3:23:29 PM",
        "10/Oct/2000:13:55:36 -0700", "02-Jan-2024", "1704207845", "1704207845123", "E0102 ", "E, [", "<34>", "<165>1 ", "{\"", "{",
        "[", "]", "[main]", "[12:00:00 ERR]", "ERROR", "WARN ", "INFO:", "fail: ", "error: ", "PHP Fatal error:  ", "ERRO[0000]",
        " - ", " -- ", " --- ", "|", ":", ": ", " : ", "=", "key=", "msg=\"", "\"", "\\", "\\\"", "#", "/", "{x.py:1}", "-", " ",
        "\t", "  ", "com.example.A:", "app.ERROR:", "in ", "\uFEFF", "\u00e9", "\uD83D\uDE00", "+02:00", "Z", " UTC", " Europe/Berlin",
        "1234 ", "D ", "---", "[x y]", "[1]", "Caused by: ", "   at ", "Traceback (most recent call last):",
    ];

    private readonly EntryParser _parser = new(FixedTimeProvider.Midyear2024);

    [Fact]
    public void NeverThrowsOnRandomStrings()
    {
        Gen.String.Array[1, 4].Sample(lines =>
        {
            var entry = _parser.Parse(RawEntries.Of(lines));
            Assert.NotNull(entry.Message);
            HeaderDetector.IsEntryStart(lines[0]);
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void NeverThrowsOnLogLikeStrings()
    {
        var line = Gen.OneOf(Fragments).Array[0, 12].Select(parts => string.Concat(parts));
        line.Array[1, 3].Sample(lines =>
        {
            var entry = _parser.Parse(RawEntries.Of(lines));
            Assert.NotNull(entry.Message);
            HeaderDetector.IsEntryStart(lines[0]);
        }, iter: 10000, threads: 1);
    }

    [Fact]
    public void WhatTheParserTakesForAHeaderStartsAnEntry()
    {
        var line = Gen.OneOf(Fragments).Array[1, 10].Select(parts => string.Concat(parts)).Where(text => text.Length > 0 && text[0] is not (' ' or '\t'));
        line.Sample(text =>
        {
            var entry = new EntryParser(FixedTimeProvider.Midyear2024).Parse(RawEntries.Of(text));
            var header = entry.Format is "json" or "logfmt" or "syslog" || entry.Timestamp is not null || entry.Level != LogLevel.Unknown;
            Assert.True(!header || HeaderDetector.IsEntryStart(text), $"parsed as a header ({entry.Format}, {entry.Timestamp}, {entry.Level}) but the framer would not start an entry: {text}");
        }, iter: 20000, threads: 1);
    }

    [Fact]
    public void EmptyEntriesAndLinesAreFine()
    {
        var empty = _parser.Parse(new RawEntry("x.log", 1, 0));
        var blank = _parser.Parse(RawEntries.Of(""));

        Assert.Equal("", empty.Message);
        Assert.Equal("", blank.Message);
        Assert.Equal("unstructured", blank.Format);
    }

    [Fact]
    public void MixedSourceIsReadLineByLine()
    {
        string[] lines =
        [
            "{\"level\":\"error\",\"msg\":\"json one\"}",
            "2024-01-02 15:04:05,123 ERROR [main] c.e.A - plain one",
            "level=warn msg=\"logfmt one\"",
            "<11>Jan  2 15:04:05 web-1 app: syslog one",
            "{\"level\":\"info\",\"msg\":\"json two\"}",
            "{\"msg\": \"bad \\q escape\"",
            "2024-01-02 15:04:05,124 INFO [main] c.e.A - plain two",
        ];
        string[] formats = ["json", "plain", "logfmt", "syslog", "json", "plain", "plain"];
        string[] messages = ["json one", "plain one", "logfmt one", "syslog one", "json two", lines[5], "plain two"];

        for (var i = 0; i < lines.Length; i++)
        {
            var entry = _parser.Parse(RawEntries.From("mixed.log", lines[i]));
            Assert.Equal(formats[i], entry.Format);
            Assert.Equal(messages[i], entry.Message);
        }
    }

    [Fact]
    public void SourcesAreRememberedApart()
    {
        _parser.Parse(RawEntries.From("a.log", "level=info msg=a"));
        _parser.Parse(RawEntries.From("b.log", "2024-01-02 15:04:05 INFO plain"));

        Assert.Equal("logfmt", _parser.Parse(RawEntries.From("a.log", "component=db msg=x")).Format);
        Assert.Equal("plain", _parser.Parse(RawEntries.From("b.log", "2024-01-02 15:04:05 INFO component=db")).Format);
        Assert.Equal(LogLevel.Info, _parser.Parse(RawEntries.From("b.log", "2024-01-02 15:04:05 INFO component=db")).Level);
    }

    [Fact]
    public void PositionAndFramingNoteAreKept()
    {
        var raw = new RawEntry("svc.log", 41, 9000) { StartsWithHeader = true, Note = "line 41 cut at 1048576 bytes" };
        raw.Lines.Add("2024-01-02 15:04:05 ERROR x");
        raw.Lines.Add("  more");

        var entry = _parser.Parse(raw);

        Assert.Equal(new SourcePosition("svc.log", 41, 42, 9000), entry.Position);
        Assert.Equal("line 41 cut at 1048576 bytes", entry.ParseNote);
        Assert.Equal("x\n  more", entry.Message);
    }
}
