using CsCheck;
using Culprit.Grouping;

namespace Culprit.Tests.Grouping;

public sealed class MessageNormalizerTests
{
    [Theory]
    [InlineData("user 12345 not found", "user <*> not found")]
    [InlineData("key 'abc' missing", "key '<*>' missing")]
    [InlineData("id=3f2b9c1e-8a6d-4c1f-9a7e-1b2c3d4e5f60 failed", "id=<*> failed")]
    [InlineData("mail to bob@example.com bounced", "mail to <*> bounced")]
    [InlineData("cannot open /var/data/x.db", "cannot open <*>")]
    [InlineData("GET https://api.example.com/v1/x?id=3 failed", "GET <*> failed")]
    [InlineData("connect ECONNREFUSED 10.0.3.17:8000", "connect ECONNREFUSED <*>")]
    [InlineData("log4j   config missing", "log4j config missing")]
    [InlineData("first line\nsecond line 123", "first line")]
    [InlineData("can't connect to db-7", "can't connect to db-7")]
    [InlineData("unclosed \"quote 42", "unclosed \"quote <*>")]
    public void VariablePartsAreMasked(string message, string expected) =>
        Assert.Equal(expected, MessageNormalizer.Normalize(message));

    [Fact]
    public void EndsOnAnyInputAndIsIdempotent()
    {
        Gen.String[Gen.Char["'\"` ab1=/@:.\n(),x9"], 0, 80].Sample(text =>
        {
            var once = MessageNormalizer.Normalize(text);
            Assert.True(once.Length <= Math.Max(text.Length * 3, 10));
            Assert.Equal(once, MessageNormalizer.Normalize(once));
        });
    }
}
