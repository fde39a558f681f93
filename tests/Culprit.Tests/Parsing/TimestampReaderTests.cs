using System.Globalization;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

public sealed class TimestampReaderTests
{
    private static readonly LogClock Clock = new(FixedTimeProvider.Midyear2024);

    [Theory]
    [InlineData("2024-01-02T15:04:05Z rest", "2024-01-02T15:04:05Z", 20)]
    [InlineData("2024-01-02T15:04:05.123456789Z", "2024-01-02T15:04:05.1234567Z", 30)]
    [InlineData("2024-01-02T15:04:05+05:30", "2024-01-02T09:34:05Z", 25)]
    [InlineData("2024-01-02T15:04:05-0800 x", "2024-01-02T23:04:05Z", 24)]
    [InlineData("2024-01-02T15:04:05+02 x", "2024-01-02T13:04:05Z", 22)]
    [InlineData("2024-01-02 15:04:05,123 INFO", "2024-01-02T15:04:05.123Z", 23)]
    [InlineData("2024-01-02 15:04:05 UTC x", "2024-01-02T15:04:05Z", 23)]
    [InlineData("2024-01-02 15:04:05 - name", "2024-01-02T15:04:05Z", 19)]
    [InlineData("2024-01-02 rest", "2024-01-02T00:00:00Z", 10)]
    [InlineData("2024/01/02 15:04:05 msg", "2024-01-02T15:04:05Z", 19)]
    [InlineData("2005.06.03 x", "2005-06-03T00:00:00Z", 10)]
    [InlineData("081109 203615 148", "2008-11-09T20:36:15Z", 13)]
    [InlineData("12:00:00.5 x", "2024-06-15T12:00:00.5Z", 10)]
    [InlineData("10/Oct/2000:13:55:36 -0700]", "2000-10-10T20:55:36Z", 26)]
    [InlineData("02-Jan-2024 10:00:00 UTC]", "2024-01-02T10:00:00Z", 24)]
    [InlineData("Oct 11 22:14:15 host", "2023-10-11T22:14:15Z", 15)]
    [InlineData("Jun  1 08:00:00 host", "2024-06-01T08:00:00Z", 15)]
    [InlineData("Feb 29 10:00:00 host", "2024-02-29T10:00:00Z", 15)]
    [InlineData("Jul 09, 2015 3:23:29 PM x", "2015-07-09T15:23:29Z", 23)]
    [InlineData("Jul 09, 2015 12:00:00 PM x", "2015-07-09T12:00:00Z", 24)]
    [InlineData("Oct 11 2023 22:14:15 host", "2023-10-11T22:14:15Z", 20)]
    [InlineData("Sun Dec 04 04:47:44 2005]", "2005-12-04T04:47:44Z", 24)]
    [InlineData("1704207845", "2024-01-02T15:04:05Z", 10)]
    [InlineData("1704207845123456 x", "2024-01-02T15:04:05.123456Z", 16)]
    [InlineData("1704207845123456789 x", "2024-01-02T15:04:05.1234567Z", 19)]
    public void ReadsLeadingTimestamp(string text, string expected, int length)
    {
        var read = TimestampReader.Read(text, Clock, out var value);

        Assert.Equal(length, read);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2024-02-30 10:00:00")]
    [InlineData("2024-13-01 10:00:00")]
    [InlineData("2024-01-02T25:00:00")]
    [InlineData("12:61:00 x")]
    [InlineData("17000000001 x")]
    [InlineData("1704207845abc")]
    [InlineData("123 items")]
    [InlineData("Octopus 11 22:14:15")]
    [InlineData("Error: boom")]
    [InlineData("")]
    [InlineData("2024-01")]
    public void RejectsWhatIsNotATimestamp(string text)
    {
        Assert.Equal(0, TimestampReader.Read(text, Clock, out _));
    }

    [Fact]
    public void YearlessFormsNeedAClock()
    {
        Assert.Equal(0, TimestampReader.Read("Oct 11 22:14:15 host", null, out _));
        Assert.Equal(0, TimestampReader.Read("12:00:00 x", null, out _));
    }

    [Fact]
    public void JsonTimestampsUseTheSameReader()
    {
        Assert.True(Timestamps.TryParse("2024-01-02 15:04:05,123", out var value));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, 123, TimeSpan.Zero), value);
        Assert.True(Timestamps.TryParse("Tue, 02 Jan 2024 15:04:05 GMT", out value));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, TimeSpan.Zero), value);
    }
}
