using Culprit.Model;
using Culprit.Rca.Redaction;

namespace Culprit.Tests.Rca.Redaction;

public sealed class RedactorTests
{
    private static Redactor New(Action<RedactionOptions>? change = null)
    {
        var options = new RedactionOptions();
        change?.Invoke(options);
        return new Redactor(options);
    }

    [Theory]
    [InlineData("mail bob.smith+tag@mail.example.co.uk now", "mail <email_1> now")]
    [InlineData("from 10.0.12.7:8080", "from <ip_1>:8080")]
    [InlineData("peer fe80::1ff:fe23:4567:890a%eth0", "peer <ip_1>%eth0")]
    [InlineData("peer ::1 closed", "peer <ip_1> closed")]
    [InlineData("card 4111-1111-1111-1111 declined", "card <card_1> declined")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcdefghij done", "jwt <jwt_1> done")]
    [InlineData("key sk-ant-api03-abcdefghijklmnop1234", "key <api_key_1>")]
    [InlineData("token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token <api_key_1>")]
    [InlineData("aws AKIAIOSFODNN7EXAMPLE", "aws <api_key_1>")]
    [InlineData("slack xoxp-1234567890-abcdef", "slack <api_key_1>")]
    [InlineData("Authorization: Bearer abc.def-123456", "Authorization: Bearer <token_1>")]
    [InlineData("GET /x?api_key=12345abcde&page=2", "GET /x?api_key=<secret_1>&page=2")]
    [InlineData("{\"password\": \"hunter2\", \"user\": \"bob\"}", "{\"password\": \"<secret_1>\", \"user\": \"bob\"}")]
    [InlineData("DB_PASSWORD=hunter2 started", "DB_PASSWORD=<secret_1> started")]
    [InlineData("redis://default:pa55w0rd@cache:6379/0", "redis://default:<password_1>@cache:6379/0")]
    public void MasksEachKind(string text, string expected) => Assert.Equal(expected, New().Redact(text));

    [Theory]
    [InlineData("order 1234567890123456 shipped")] // 16 digits failing the Luhn check
    [InlineData("at 10:15:30 the job ran")]
    [InlineData("use std::collections::HashMap")]
    [InlineData("Shop.Orders.OrderService.Place failed")]
    [InlineData("version 1.4.2 deployed")]
    [InlineData("elapsed 250 ms, 3 retries")]
    public void LeavesOrdinaryTextAlone(string text) => Assert.Equal(text, New().Redact(text));

    [Fact]
    public void TheSameValueGetsTheSamePlaceholderWithinOneAnalysis()
    {
        var redactor = New();

        var first = redactor.Redact("a@example.com wrote to b@example.com");
        var second = redactor.Redact("b@example.com again, then a@example.com");

        Assert.Equal("<email_1> wrote to <email_2>", first);
        Assert.Equal("<email_2> again, then <email_1>", second);
        Assert.Equal(2, redactor.Map.Count);
        Assert.Equal("a@example.com wrote to b@example.com", redactor.Map.Restore(first!));
    }

    [Fact]
    public void CodeKeepsIdentifierAssignmentsButMasksLiterals()
    {
        var redactor = New();

        var code = redactor.RedactCode("var password = request.Password;\nvar token = GetToken(user);\nconst string apiKey = \"k-1234567\";");

        Assert.Equal("var password = request.Password;\nvar token = GetToken(user);\nconst string apiKey = \"<secret_1>\";", code);
    }

    [Fact]
    public void CustomPatternsAreMaskedAndDisabledKindsAreNot()
    {
        var redactor = New(o =>
        {
            o.Patterns.Add(@"TENANT-[0-9]+");
            o.IpAddresses = false;
        });

        Assert.Equal("tenant <custom_1> at 10.1.2.3", redactor.Redact("tenant TENANT-42 at 10.1.2.3"));
    }

    [Fact]
    public void DisabledRedactionChangesNothing()
    {
        var redactor = New(o => o.Enabled = false);

        Assert.Equal("a@example.com 10.0.0.1", redactor.Redact("a@example.com 10.0.0.1"));
        Assert.Equal(0, redactor.Map.Count);
    }

    [Fact]
    public void AnInvalidCustomPatternIsReportedByValidation()
    {
        var options = new RedactionOptions();
        options.Patterns.Add("([a-z");
        options.Patterns.Add("");

        var problems = options.Validate();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("rca.redact.patterns[0]: '([a-z' is not a valid regular expression", problems[0], StringComparison.Ordinal);
        Assert.Equal("rca.redact.patterns[1]: the pattern is empty", problems[1]);
    }

    [Fact]
    public void RestoreReachesEveryStringFieldOfTheReport()
    {
        var map = new RedactionMap();
        var e = map.PlaceholderFor("email", "x@y.io");
        var report = new RcaReport
        {
            IncidentId = "i" + e,
            LikelyRootCause = new RootCause { FilePath = "f" + e, Symbol = "s" + e, LineRange = [1, 2], Confidence = 0.5, Reasoning = "r" + e },
            SupportingEvidence = ["ev " + e],
            InvolvedParameters = [new InvolvedParameter { Name = "n" + e, Value = e, WhyRelevant = "w" + e }],
            FixSuggestions = ["fix " + e],
            TestsToAdd = ["test " + e],
            Engine = "e" + e,
            Version = "v" + e,
            Commit = "c" + e,
            FallbackReason = "fb " + e,
            Candidates = [new RcaCandidateSummary { File = "cf" + e, Symbol = "cs" + e, StartLine = 1, EndLine = 2, Score = 1 }],
        };

        var json = System.Text.Json.JsonSerializer.Serialize(ReportRestorer.Restore(report, map));

        Assert.DoesNotContain("email_1", json, StringComparison.Ordinal);
        Assert.Equal(16, json.Split("x@y.io").Length - 1);
    }

    [Fact]
    public void UnknownPlaceholdersStayAsWritten()
    {
        var map = new RedactionMap();
        map.PlaceholderFor("email", "x@y.io");

        Assert.Equal("x@y.io and <email_7>", map.Restore("<email_1> and <email_7>"));
    }
}
