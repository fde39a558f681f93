using System.Text;
using CsCheck;
using Culprit.IntegrationTests.Support;
using Culprit.Storage.ClickHouse;

namespace Culprit.IntegrationTests.Storage;

/// <summary>The escaper against the real parser: whatever text is quoted, the server reads back the same text.</summary>
public sealed class ClickHouseSqlServerTests : IDisposable
{
    private readonly ClickHouseHttpClient _client = new(TestServers.ClickHouse);

    public void Dispose() => _client.Dispose();

    private async Task<IReadOnlyList<string>> ReadBackAsync(IReadOnlyList<string> values)
    {
        var literals = string.Join(", ", values.Select(ClickHouseSql.Quote));
        var rows = await _client.QueryAsync($"SELECT [{literals}] AS a", r => r.GetProperty("a").EnumerateArray().Select(e => e.GetString()!).ToList());
        return Assert.Single(rows);
    }

    [Fact]
    public async Task EveryAsciiCharacterAndUnicodeReadsBackUnchanged()
    {
        var ascii = new string([.. Enumerable.Range(0, 128).Select(i => (char)i)]);
        string[] values = [ascii, "日本語 עברית é e\u0301 😀 👩‍👩‍👧 \u200b\ufeff \uF8FF", @"\\'\''", new string('\\', 1001), "'"];
        Assert.Equal(values, await ReadBackAsync(values));
    }

    [Fact]
    public async Task ALongLiteralReadsBackUnchanged()
    {
        var value = new StringBuilder().Insert(0, "a'b\\c\n日", 100_000).ToString();
        Assert.Equal([value], await ReadBackAsync([value]));
    }

    [Fact]
    public async Task RandomTextReadsBackUnchanged()
    {
        var text = Gen.String[Gen.OneOf(Gen.Char[(char)0, (char)127], Gen.Char.Where(c => !char.IsSurrogate(c))), 0, 40];
        await text.Array[1, 40].SampleAsync(async values => Assert.Equal(values, await ReadBackAsync(values)), iter: 60);
    }
}
