using CsCheck;
using Culprit.Storage.ClickHouse;

namespace Culprit.Tests.Storage;

public sealed class ClickHouseSqlTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("", "''")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"a\b", @"'a\\b'")]
    [InlineData(@"\'", @"'\\\''")]
    [InlineData("tab\tnew\nret\rnul\0", @"'tab\tnew\nret\rnul\0'")]
    [InlineData("\b\f\u0001\u001f\u007f", @"'\b\f\x01\x1F\x7F'")]
    [InlineData("日本 😀 é", "'日本 😀 é'")]
    [InlineData("{x:UInt8} \"q\" `t`", "'{x:UInt8} \"q\" `t`'")]
    public void QuoteEscapesWhatTheParserWouldRead(string value, string literal) =>
        Assert.Equal(literal, ClickHouseSql.Quote(value));

    [Fact]
    public void AQuotedLiteralNeverEndsEarly()
    {
        Gen.String.Sample(value =>
        {
            var literal = ClickHouseSql.Quote(value);
            Assert.StartsWith("'", literal, StringComparison.Ordinal);
            Assert.EndsWith("'", literal, StringComparison.Ordinal);
            // Between the quotes, every quote is escaped by a backslash that is not itself escaped.
            var body = literal[1..^1];
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '\\')
                    i++;
                else
                    Assert.NotEqual('\'', body[i]);
            }
        });
    }

    [Theory]
    [InlineData("culprit")]
    [InlineData("logs_0123abcd")]
    [InlineData("_x")]
    public void PlainNamesAreQuotedWithBackticks(string name) => Assert.Equal("`" + name + "`", ClickHouseSql.Identifier(name));

    [Theory]
    [InlineData("")]
    [InlineData("1logs")]
    [InlineData("logs; DROP DATABASE x")]
    [InlineData("a`b")]
    [InlineData("logs-prod")]
    [InlineData("dé")]
    public void OtherNamesAreRefused(string name) => Assert.Throws<ArgumentException>(() => ClickHouseSql.Identifier(name));
}
