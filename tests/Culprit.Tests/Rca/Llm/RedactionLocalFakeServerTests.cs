using System.Text.RegularExpressions;
using Culprit.Rca;
using Culprit.Rca.Llm;
using Culprit.Tests.Rca.Support;

namespace Culprit.Tests.Rca.Llm;

/// <summary>Seeded secrets never reach the (local fake) LLM server, and the report shown locally has them back.</summary>
public sealed partial class RedactionLocalFakeServerTests : IDisposable
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lIn0.c2lnbmF0dXJlLXBhcnQ";
    private const string OpenAiKey = "sk-proj-AbCdEf0123456789XyZ";
    private const string GitHubToken = "ghp_0123456789abcdefghijABCDEFGHIJ";
    private const string AwsKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SlackToken = "xoxb-123456789012-abcdefghij";
    private const string DbPassword = "s3cr3t-Pa55";
    private const string Ipv4 = "203.0.113.77";
    private const string Ipv6 = "2001:db8:85a3::8a2e:370:7334";
    private const string Bearer = "opaqueBearer123456";
    private const string Secret = "topsecretvalue42";
    private const string CustomerNo = "CUST-99812";

    private readonly string _transcripts = Path.Combine(Path.GetTempPath(), "culprit-rca-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Seeded = [Email, Card, Jwt, OpenAiKey, GitHubToken, AwsKey, SlackToken, DbPassword, Ipv4, Ipv6, Bearer, Secret, CustomerNo];

    public void Dispose()
    {
        if (Directory.Exists(_transcripts))
            Directory.Delete(_transcripts, recursive: true);
    }

    [Fact]
    public async Task NoSeededSecretReachesTheLocalFakeServerAndTheReportShowsTheRealValues()
    {
        // The fake model echoes the placeholders it was given, as a real one would.
        await using var server = FakeLlmServer.Start(r =>
        {
            var text = r.JsonText;
            var email = EmailPlaceholder().Match(text).Value;
            var ip = IpPlaceholder().Match(text).Value;
            return FakeWire.OpenAI(RcaSamples.Answer(reasoning: $"customer {email} from {ip} has no record", parameterValue: email));
        });
        var input = RcaSamples.Input(
            message: $"customer {Email} not found (card {Card})",
            related:
            [
                $"10:15:00 INFO login {Email} from {Ipv4} and {Ipv6}",
                $"10:15:00 DEBUG auth header Authorization: Bearer {Bearer} jwt={Jwt}",
                $"10:15:01 DEBUG calling postgres://app:{DbPassword}@db.internal:5432/shop with client_secret={Secret}",
                $"10:15:01 DEBUG keys {OpenAiKey} {GitHubToken} {AwsKey} {SlackToken} customer {CustomerNo}",
            ],
            parameters: [new ExtractedParameter("email", Email, "kv"), new ExtractedParameter("order_id", "A-778", "kv")],
            placeCode: "        var apiKey = \"" + OpenAiKey + "\";\n        var password = request.Password;\n" + string.Join('\n', Enumerable.Range(37, 14).Select(n => $"        // line {n}")));
        var options = TestEngines.Options(RcaEngineKind.OpenAI, server);
        options.Redact.Patterns.Add(@"CUST-\d{5}");
        using var engine = TestEngines.Create(options, new TopCandidateEngine(), transcripts: _transcripts);

        var report = await engine.AnalyzeAsync(input);

        var request = Assert.Single(server.Requests);
        foreach (var secret in Seeded)
        {
            Assert.DoesNotContain(secret, request.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, request.JsonText, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4111111111111111", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("customer <email_1> not found (card <card_1>)", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("postgres://app:<password_1>@db.internal:5432/shop", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("var password = request.Password;", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("- email: \"<email_1>\"", request.JsonText, StringComparison.Ordinal);
        Assert.Contains("<custom_1>", request.JsonText, StringComparison.Ordinal);

        Assert.Null(report.FallbackReason);
        Assert.Equal($"customer {Email} from {Ipv4} has no record", report.LikelyRootCause.Reasoning);
        Assert.Equal(Email, report.InvolvedParameters[0].Value);

        // The archive holds exactly what left the machine: placeholders, no secret.
        var transcript = Assert.Single(new RcaTranscripts(_transcripts).Read("inc-0001"));
        Assert.Equal(1, transcript.Attempt);
        Assert.Equal("system", transcript.Messages[0].Role);
        Assert.Contains("customer <email_1> not found", transcript.Messages[1].Text, StringComparison.Ordinal);
        var answered = System.Text.Json.JsonDocument.Parse(transcript.Answer!).RootElement.GetProperty("likely_root_cause").GetProperty("reasoning").GetString();
        Assert.Equal("customer <email_1> from <ip_1> has no record", answered);
        var archived = string.Concat(Directory.GetFiles(_transcripts, "*.json", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var secret in Seeded)
            Assert.DoesNotContain(secret, archived, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedactionOffSendsTheValuesAsTheyAreToALocalModel()
    {
        await using var server = FakeLlmServer.Start(_ => FakeWire.Ollama(RcaSamples.Answer()));
        var options = TestEngines.Options(RcaEngineKind.Ollama, server, o => o.ApiKeyEnv = null);
        options.Redact.Enabled = false;
        using var engine = TestEngines.Create(options, new TopCandidateEngine());

        await engine.AnalyzeAsync(RcaSamples.Input(message: $"customer {Email} not found"));

        Assert.Contains(Email, Assert.Single(server.Requests).JsonText, StringComparison.Ordinal);
    }

    [GeneratedRegex("<email_[0-9]+>")]
    private static partial Regex EmailPlaceholder();

    [GeneratedRegex("<ip_[0-9]+>")]
    private static partial Regex IpPlaceholder();
}
