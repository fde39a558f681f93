using System.Text;
using Culprit.Storage;
using static Culprit.IntegrationTests.Storage.LogRows;

namespace Culprit.IntegrationTests.Storage;

/// <summary>Text that breaks naive escaping, and times in other zones: both come back exactly, in UTC.</summary>
public abstract partial class LogStoreContract
{
    public static readonly string[] Nasty =
    [
        "it's a \"quote\" and `tick`",
        @"back\slash \n not a newline \' \\ \",
        "tab\there\r\nCRLF\nnewline\rCR",
        "nul\0byte and \u0001\u001f\u007f controls \b\f\v",
        "unicode: é ü ß 日本語 עברית 😀 👩‍👩‍👧 e\u0301 \u200b\ufeff",
        "sql: '); DROP TABLE log_entries; -- /* */",
        "json: {\"a\":[1,2]} \\u0000 </script>",
        "percent % underscore _ star * question ? caret ^ dollar $",
        "  leading and trailing spaces  ",
        "{db} {x:UInt8} $1 ? @p :name",
    ];

    private static string Long()
    {
        var text = new StringBuilder(1 << 20);
        while (text.Length < 1 << 20)
            text.Append(Nasty[text.Length % Nasty.Length]);
        return text.ToString();
    }

    [Fact]
    public async Task NastyStringsRoundTripExactlyInEveryTextField()
    {
        var texts = Nasty.Append(Long()).ToArray();
        var rows = texts.Select((text, i) => Full(i + 1) with
        {
            Source = "dir/it's \\ " + i,
            Message = text,
            Service = text,
            Logger = text,
            TemplateParameters = [text, "", text],
            ExceptionJson = text,
            CulpritFile = text,
            Attributes = new Dictionary<string, string> { [text] = text, ["plain"] = "" },
            TraceId = "trace " + text,
            ParseNote = text,
        }).ToList();
        await Store.AppendAsync(rows);

        foreach (var row in rows)
        {
            AssertSame(row, Assert.Single(await Store.TraceAsync(row.TraceId!)));
            Assert.Equal(row.Line, Assert.Single(await Store.SearchAsync(new LogQuery { Service = row.Service })).Line);
            Assert.Equal(row.Line, await Store.HighWaterMarkAsync(row.Source));
        }
    }

    [Fact]
    public async Task SearchWordsAreLiteralText()
    {
        await Store.AppendAsync([.. Nasty.Select((text, i) => Row(i + 1, message: text))]);
        Assert.Equal([1], (await Store.SearchAsync(new LogQuery { Text = "it's" })).Select(r => r.Line));
        Assert.Equal([2], (await Store.SearchAsync(new LogQuery { Text = @"\\" })).Select(r => r.Line));
        Assert.Equal([8], (await Store.SearchAsync(new LogQuery { Text = "%" })).Select(r => r.Line));
        Assert.Equal([8], (await Store.SearchAsync(new LogQuery { Text = "_ star" })).Select(r => r.Line));
        Assert.Equal([10], (await Store.SearchAsync(new LogQuery { Text = "{x:UInt8}" })).Select(r => r.Line));
        Assert.Equal([5], (await Store.SearchAsync(new LogQuery { Text = "日本語 😀" })).Select(r => r.Line));
        Assert.Equal([6], (await Store.SearchAsync(new LogQuery { Text = "');" })).Select(r => r.Line));
    }

    [Fact]
    public async Task RandomTextRoundTrips()
    {
        var random = new Random(20261128);
        string[] tricky = ["'", "\"", "\\", "\t", "\n", "\r", "\0", "\u0001", "%", "_", "é", "日", "😀"];
        var rows = Enumerable.Range(1, 200).Select(line =>
        {
            var text = new StringBuilder();
            var length = random.Next(0, 300);
            while (text.Length < length)
            {
                if (random.Next(3) == 0)
                    text.Append(tricky[random.Next(tricky.Length)]);
                else if (random.Next(2) == 0)
                    text.Append((char)random.Next(32, 127));
                else
                    text.Append((char)random.Next(0x80, 0xD800));
            }

            var s = text.ToString();
            return Row(line, message: s) with { Attributes = new Dictionary<string, string> { ["k"] = s }, TemplateParameters = [s] };
        }).ToList();
        await Store.AppendAsync(rows);

        var stored = (await Store.SearchAsync(new LogQuery { Limit = 1000 })).ToDictionary(r => r.Line);
        foreach (var row in rows)
            AssertSame(row, stored[row.Line]);
    }

    [Fact]
    public async Task TimesInOtherZonesComeBackInUtc()
    {
        var india = new DateTimeOffset(2026, 3, 1, 15, 30, 0, 250, TimeSpan.FromHours(5.5));
        await Store.AppendAsync([Row(1) with { Timestamp = india }]);

        var found = Assert.Single(await Store.SearchAsync(new LogQuery()));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, 250, TimeSpan.Zero), found.Timestamp);
        Assert.Equal(TimeSpan.Zero, found.Timestamp!.Value.Offset);

        Assert.Single(await Store.SearchAsync(new LogQuery { From = india, To = india.AddMilliseconds(1) }));
        Assert.Empty(await Store.SearchAsync(new LogQuery { To = india }));
        Assert.Single(await Store.SearchAsync(new LogQuery { From = new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.FromHours(-5)) }));
    }

    [Fact]
    public async Task TimesKeepMillisecondsAndDropFinerTicks()
    {
        var precise = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        await Store.AppendAsync([Row(1) with { Timestamp = precise }]);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero), Assert.Single(await Store.SearchAsync(new LogQuery())).Timestamp);
    }

    [Fact]
    public async Task TimelineBucketsAreAlignedToUtc()
    {
        var newYork = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(-5));
        await Store.AppendAsync([Row(1) with { Timestamp = newYork }, Row(2) with { Timestamp = newYork.AddHours(-20) }]);
        Assert.Equal(
            [new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), 1), new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 1)],
            await Store.TimelineAsync(new LogQuery(), TimeSpan.FromDays(1)));
    }
}
