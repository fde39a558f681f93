using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

/// <summary>Headers whose timestamp follows a few leading columns, and lines that must stay text.</summary>
public sealed class PrefixedHeaderTests
{
    [Theory]
    [InlineData("- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected", "2005-06-03T22:42:50Z", LogLevel.Info, "KERNEL", "instruction cache parity error corrected")]
    [InlineData("KERNDTLB 1118536327 2005.06.11 R30-M0-N9-C:J16-U01 2005-06-11-17.32.07.581048 R30-M0-N9-C:J16-U01 RAS KERNEL FATAL data TLB error interrupt", "2005-06-12T00:32:07Z", LogLevel.Fatal, "KERNEL", "data TLB error interrupt")]
    [InlineData("134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: Component is unavailable", "2004-02-26T14:12:22Z", LogLevel.Unknown, null, "Component State Change: Component is unavailable")]
    [InlineData("2596033 node-131 node status 1074288991 1 not responding", "2004-01-16T21:36:31Z", LogLevel.Unknown, null, "not responding")]
    public void ColumnsBeforeTheTimestampAreHeader(string line, string timestamp, LogLevel level, string? logger, string message)
    {
        var entry = new EntryParser(FixedTimeProvider.Midyear2024).Parse(RawEntries.Of(line));

        Assert.True(HeaderDetector.IsEntryStart(line));
        Assert.Equal(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), entry.Timestamp);
        Assert.Equal(level, entry.Level);
        Assert.Equal(logger, entry.Logger);
        Assert.Equal(message, entry.Message);
    }

    [Fact]
    public void AHostTagAfterTheColumnsIsSyslogs()
    {
        const string line = "- 1131566461 2005.11.09 dn228 Nov 9 12:01:01 dn228/dn228 crond(pam_unix)[2915]: session closed for user root";
        var entry = new EntryParser(FixedTimeProvider.Midyear2024).Parse(RawEntries.Of(line));

        Assert.Equal("crond(pam_unix)", entry.Service);
        Assert.Equal("2915", entry.Attributes["pid"]);
        Assert.Equal("dn228/dn228", entry.Attributes["host"]);
        Assert.Equal("session closed for user root", entry.Message);
    }

    [Theory]
    [InlineData("- retry the request")]
    [InlineData("Caused by: java.io.IOException: 1704207845 bytes")]
    [InlineData("job 12 started at 2024-01-02 10:00:00")]
    [InlineData("KeyError: 1704207845")]
    [InlineData("- a b c d e f 1704207845 too far")]
    public void ProseAndTraceLinesAreNotHeaders(string line) => Assert.False(HeaderDetector.IsEntryStart(line));
}
