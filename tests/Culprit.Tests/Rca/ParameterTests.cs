using Culprit.Code;
using Culprit.Model;
using Culprit.Rca;
using Culprit.Rca.Parameters;

namespace Culprit.Tests.Rca;

public sealed class ParameterTests
{
    [Fact]
    public void AttributesKeyValuePairsAndExceptionMessageValuesAreCollectedWithoutRecordFields()
    {
        var entry = new LogEntry { Message = "checkout failed order=ord-1 customer=1034 trace_id=abc", TemplateParameters = ["ord-1"] };
        entry.Attributes["currency_pair"] = "EUR-CHF";
        entry.Attributes["service"] = "payments";
        var root = new ExceptionInfo { Type = "KeyNotFoundException", Message = "The given key 'EUR-CHF' was not present in the dictionary." };
        var found = ParameterExtractor.FromOccurrence(entry, root);
        Assert.Equal(
            [("currency_pair", "EUR-CHF", "json"), ("order", "ord-1", "kv"), ("customer", "1034", "kv"), ("template_param_1", "ord-1", "template"), ("key", "EUR-CHF", "message")],
            found.Select(p => (p.Name, p.Value, p.Source)));
    }

    [Fact]
    public void ErrorFieldsCodeNamesAndTraceLinesAreNotParameters()
    {
        var entry = new LogEntry { Message = "request failed cartId=c1\n    at cartTotal (/srv/a.js:1:2)\n    items = f(limit=limit)" };
        entry.Attributes["err.message"] = "Cannot read properties of undefined (reading 'price')";
        entry.Attributes["reqId"] = "req-1";
        var root = new ExceptionInfo
        {
            Type = "TypeError",
            Message = "Cannot read properties of undefined (reading 'price') in \"com.shop.Cart.total()\"",
        };
        var found = ParameterExtractor.FromOccurrence(entry, root);
        Assert.Equal([("reqId", "req-1"), ("cartId", "c1"), ("property", "price")], found.Select(p => (p.Name, p.Value)));
    }

    [Fact]
    public void LabelledNumbersInTheMessageBecomeParameters()
    {
        var found = ParameterExtractor.FromOccurrence(new LogEntry(), new ExceptionInfo { Type = "IllegalArgumentException", Message = "Minutes out of range: -15" });
        Assert.Equal(("Minutes", "-15"), (found[0].Name, found[0].Value));
    }

    [Fact]
    public void NamesMatchCandidateParametersIgnoringCaseAndSeparatorsThenByAWord()
    {
        var candidate = new RcaCandidate
        {
            File = "a.java", Symbol = "Zone.forOffset", StartLine = 1, EndLine = 5, Code = "int total = hoursOffset * 60 + minutesOffset;",
            CodeStartLine = 1, Score = 1, Origin = "frame", ParameterNames = ["hoursOffset", "minutesOffset", "userId"],
        };
        var matched = ParameterMatcher.Match(
            [new("user_id", "7", "kv"), new("Minutes", "-15", "message"), new("total", "3", "kv"), new("colour", "red", "kv")], [candidate]);
        Assert.Equal([("user_id", "userId"), ("Minutes", "minutesOffset"), ("total", "total"), ("colour", null)], matched.Select(p => (p.Name, p.MatchedName)));
    }

    [Theory]
    [InlineData("(String name, Map<String, Integer> counts)", CodeLanguages.Java, "name,counts")]
    [InlineData("(self, user_id: str = None, *args, **kwargs)", CodeLanguages.Python, "user_id,args,kwargs")]
    [InlineData("(ctx context.Context, id string)", CodeLanguages.Go, "ctx,id")]
    [InlineData("($order, $amount = 0)", CodeLanguages.Php, "order,amount")]
    [InlineData("(Order order, decimal amount, CancellationToken cancellationToken = default)", CodeLanguages.CSharp, "order,amount,cancellationToken")]
    [InlineData("(items: CartItem[], opts?: Options)", CodeLanguages.TypeScript, "items,opts")]
    [InlineData("", CodeLanguages.Java, "")]
    public void SignaturesGiveTheirParameterNames(string signature, string language, string expected) =>
        Assert.Equal(expected, string.Join(',', SignatureParameters.Names(signature, language)));

    [Theory]
    [InlineData("getShippingAddress", "get,shipping,address")]
    [InlineData("user_id", "user,id")]
    [InlineData("HTTPServer2", "http,server,2")]
    public void IdentifiersSplitIntoWords(string identifier, string expected) =>
        Assert.Equal(expected, string.Join(',', CodeWords.Split(identifier)));
}
