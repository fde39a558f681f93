using Culprit.Exceptions;
using Culprit.Model;
using static Culprit.Tests.Exceptions.ForeignTraceSamples;

namespace Culprit.Tests.Exceptions;

public sealed class RustTraceParserTests
{
    private readonly RustTraceParser _parser = new();

    [Fact]
    public void NewFormatTakesTheMessageFromTheNextLineAndEndsAtTheNote()
    {
        var match = Parse("""
            thread 'main' panicked at src/config.rs:12:9:
            missing key `port`
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            next log line
            """);

        var e = match.Exception;
        Assert.Equal("panic", e.Type);
        Assert.Equal("missing key `port`", e.Message);
        Assert.Equal("main", e.Thread);
        Assert.Equal(new SourceLocation("src/config.rs", 12, 9), e.Location);
        Assert.Empty(e.Frames);
        Assert.Equal((0, 2), (match.FirstIndex, match.LastIndex));
    }

    [Fact]
    public void OldFormatTakesTheQuotedMessageAndTheLocationAfterIt()
    {
        var match = Parse("""
            thread 'worker-3' panicked at 'index out of bounds: the len is 2 but the index is 5', C:\build\src\queue.rs:88:17
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            """);

        var e = match.Exception;
        Assert.Equal("index out of bounds: the len is 2 but the index is 5", e.Message);
        Assert.Equal("worker-3", e.Thread);
        Assert.Equal(new SourceLocation(@"C:\build\src\queue.rs", 88, 17), e.Location);
        Assert.Equal(1, match.LastIndex);
    }

    [Fact]
    public void MultiLineMessagesRunToTheNoteLine()
    {
        var e = Parse("""
            thread 'tests::sums' panicked at src/lib.rs:40:9:
            assertion `left == right` failed
              left: 3
             right: 4
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            """).Exception;

        Assert.Equal("assertion `left == right` failed", e.Message);
        Assert.Equal(new[] { "  left: 3", " right: 4" }, e.MessageContinuation);
    }

    [Fact]
    public void OldFormatQuotedMessagesMaySpanLines()
    {
        var match = Parse("""
            thread 'main' panicked at 'assertion failed: `(left == right)`
              left: `1`,
             right: `2`', src/main.rs:7:5
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            """);

        var e = match.Exception;
        Assert.Equal("assertion failed: `(left == right)`", e.Message);
        Assert.Equal(new[] { "  left: `1`,", " right: `2`" }, e.MessageContinuation);
        Assert.Equal(new SourceLocation("src/main.rs", 7, 5), e.Location);
        Assert.Equal(3, match.LastIndex);
    }

    [Fact]
    public void ShortBacktraceFramesTakeTheFirstAtLine()
    {
        var match = Parse("""
            thread 'main' panicked at src/main.rs:4:5:
            boom
            stack backtrace:
               0: rust_begin_unwind
                         at /rustc/0123abcd/library/std/src/panicking.rs:645:5
               1: core::panicking::panic_fmt
                         at /rustc/0123abcd/library/core/src/panicking.rs:72:14
               2: demo::load
                         at ./src/main.rs:4:5
                         at ./src/other.rs:9
               3: <unknown>
            note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.
            """);

        var frames = match.Exception.Frames;
        Assert.Equal(4, frames.Count);
        AssertFrame(frames[0], "rust_begin_unwind", "/rustc/0123abcd/library/std/src/panicking.rs", 645, 5);
        AssertFrame(frames[2], "demo::load", "./src/main.rs", 4, 5);
        AssertFrame(frames[3], null, null, null, null);
        Assert.Equal(11, match.LastIndex);
    }

    [Fact]
    public void FullBacktraceFramesDropTheAddressAndKeepInlinedSymbolsInTheFrame()
    {
        var match = Parse("""
            thread 'main' panicked at src/main.rs:4:5:
            boom
            stack backtrace:
               0:     0x55d0c1a2b3c4 - std::backtrace_rs::backtrace::trace::h0123456789abcdef
                                           at /rustc/0123abcd/library/std/src/backtrace.rs:93:5
               1:     0x55d0c1a2b3d5 - demo::main::h89abcdef01234567
                                           at ./src/main.rs:4:5
                                       core::ops::function::FnOnce::call_once
                                           at /rustc/0123abcd/library/core/src/ops/function.rs:250:5
               2:     0x7f0000000001 - __libc_start_main
            Process exited with status 101
            """);

        var frames = match.Exception.Frames;
        Assert.Equal(3, frames.Count);
        AssertFrame(frames[0], "std::backtrace_rs::backtrace::trace::h0123456789abcdef", "/rustc/0123abcd/library/std/src/backtrace.rs", 93, 5);
        AssertFrame(frames[1], "demo::main::h89abcdef01234567", "./src/main.rs", 4, 5);
        AssertFrame(frames[2], "__libc_start_main", null, null, null);
        Assert.Equal(9, match.LastIndex);
    }

    [Fact]
    public void ThreadIdsAndLogPrefixesAreAllowed()
    {
        var e = Parse("2024-05-01T10:00:00Z ERROR thread 'tokio-runtime-worker' (4711) panicked at src/net.rs:3:1:\nclosed\n").Exception;

        Assert.Equal("tokio-runtime-worker", e.Thread);
        Assert.Equal("closed", e.Message);
        Assert.Equal(new SourceLocation("src/net.rs", 3, 1), e.Location);
    }

    [Fact]
    public void LocationsWithoutColumnAreRead()
    {
        var e = Parse("thread '<unnamed>' panicked at 'oops', src/lib.rs:10\n").Exception;

        Assert.Equal("<unnamed>", e.Thread);
        Assert.Equal(new SourceLocation("src/lib.rs", 10), e.Location);
    }

    [Fact]
    public void MessageWithoutNoteIsOneLine()
    {
        var match = Parse("thread 'main' panicked at src/main.rs:1:1:\nfirst\nunrelated log line\n");

        Assert.Equal("first", match.Exception.Message);
        Assert.Empty(match.Exception.MessageContinuation);
        Assert.Equal(1, match.LastIndex);
    }

    [Fact]
    public void HeaderAtTheEndOfTheTextIsTruncated()
    {
        var e = Parse("thread 'main' panicked at src/main.rs:1:1:").Exception;

        Assert.Equal("", e.Message);
        Assert.True(e.Truncated);
    }

    [Fact]
    public void UnclosedQuotedMessageIsTruncated()
    {
        var match = Parse("thread 'main' panicked at 'never closed\nsecond line\n");

        Assert.Equal("never closed", match.Exception.Message);
        Assert.True(match.Exception.Truncated);
        Assert.Equal(0, match.LastIndex);
    }

    [Theory]
    [InlineData("panicked at src/main.rs:1:1:")]
    [InlineData("the thread 'main' panicked at nothing in particular")]
    [InlineData("thread 'main' panicked at src/main.rs:x:1:")]
    [InlineData("thread 'main' has overflowed its stack")]
    [InlineData("thread 'main' junk panicked at src/main.rs:1:1:")]
    public void LinesThatAreNotPanicHeadersAreRejected(string line)
    {
        Assert.False(_parser.TryParse(Lines(line + "\nmessage\n"), 0, out _));
    }

    [Theory]
    [InlineData("   0: rust_begin_unwind", "rust_begin_unwind")]
    [InlineData("  12:     0x7ff7d7e8e962 - <unknown>", null)]
    [InlineData("  3:        0x10a0b0c0d - RtlUserThreadStart", "RtlUserThreadStart")]
    [InlineData("   7: <core::pin::Pin<P> as core::future::future::Future>::poll", "<core::pin::Pin<P> as core::future::future::Future>::poll")]
    public void FrameLinesGiveTheFullSymbol(string line, string? function)
    {
        Assert.True(RustBacktrace.TryReadFrameLine(line, out var frame));
        Assert.Equal(function, frame.Function);
        Assert.Null(frame.Module);
    }

    [Theory]
    [InlineData("at src/main.rs:4:5")]
    [InlineData("0x55 - foo")]
    [InlineData("12:30 the meeting")]
    [InlineData("  4:     0x7ff7d7e8e962")]
    public void OtherLinesAreNotFrames(string line)
    {
        Assert.False(RustBacktrace.TryReadFrameLine(line, out _));
    }

    [Theory]
    [MemberData(nameof(ForeignTraceSamples.All), MemberType = typeof(ForeignTraceSamples))]
    public void OtherRuntimesTracesAreNotClaimed(string text)
    {
        Assert.Equal(-1, FirstClaim(_parser, text));
    }

    [Fact]
    public void TruncatedTracesNeverThrow()
    {
        ParseEveryTruncation(_parser, """
            thread 'main' panicked at 'multi
            line', src/main.rs:7:5
            stack backtrace:
               0:     0x55d0c1a2b3c4 - demo::main
                         at ./src/main.rs:4:5
            note: Some details are omitted
            """);
    }

    private TraceMatch Parse(string text)
    {
        Assert.True(_parser.TryParse(Lines(text), 0, out var match));
        return match;
    }

    private static void AssertFrame(Frame frame, string? function, string? file, int? line, int? column)
    {
        Assert.Equal((function, file, line, column), (frame.Function, frame.File, frame.Line, frame.Column));
        Assert.Null(frame.Module);
    }
}
