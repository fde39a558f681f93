using System.Text.Json.Nodes;
using Culprit.Model;
using Culprit.Rca.Cache;
using Culprit.Storage;
using Culprit.Storage.Sqlite;
using Culprit.Tests.Support;

namespace Culprit.Tests.Cli;

/// <summary><c>culprit feedback</c>, <c>users</c> and <c>keys</c> on a temp embedded store holding two analyses.</summary>
public sealed class FeedbackCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("culprit-feedback-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data => Path.Combine(_dir, "data");

    private (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run([.. args, "--data", Data]);

    /// <summary>Incident inc-a analysed by the heuristic, then by an LLM; returns their ids.</summary>
    private async Task<(string Heuristic, string Llm)> SeedAsync()
    {
        await using var store = new SqliteIncidentStore(Path.Combine(Data, "incidents.db"));
        await store.MigrateAsync();
        var batch = new IncidentBatch();
        batch.Incidents.Add(new IncidentDelta
        {
            Id = "inc-a",
            Fingerprint = "fp-a",
            GroupingVersion = "v2",
            Basis = "frames",
            Title = "NullReferenceException in Cart.Total",
            RepresentativeId = "app.log:1",
            RepresentativeMessage = "boom",
            FirstSeen = T0,
            LastSeen = T0,
        });
        batch.Occurrences.Add(new OccurrenceRecord("inc-a", "app.log", 1, T0, "api", "1.0", null, "boom"));
        await store.CommitAsync(batch);
        var heuristic = await store.SaveAsync(new RcaCacheKey("inc-a", "1.0", "heuristic", "h1"), Report("heuristic", T0.AddMinutes(1)));
        var llm = await store.SaveAsync(new RcaCacheKey("inc-a", "1.0", "openai:gpt-test", "p1"), Report("openai:gpt-test", T0.AddMinutes(2)));
        return (heuristic, llm);
    }

    private static RcaReport Report(string engine, DateTimeOffset at) => new()
    {
        IncidentId = "inc-a",
        LikelyRootCause = new RootCause { FilePath = "src/Cart.cs", Symbol = "Cart.Total", LineRange = [40, 44], Confidence = 0.8, Reasoning = "null line item" },
        Engine = engine,
        Version = "1.0",
        CreatedAt = at,
    };

    [Fact]
    public async Task VerdictsAreRecordedAndListedWithTheAnalysesIds()
    {
        var (heuristic, llm) = await SeedAsync();

        var accept = Run("feedback", llm, "--verdict", "accept", "--notes", "spot on", "--user", "dana");
        Assert.Equal(0, Run("feedback", llm, "--verdict", "partially_correct", "--user", "lee").Code);
        Assert.Equal(0, Run("feedback", heuristic, "--verdict", "reject", "--user", "dana").Code);

        Assert.True(accept.Code == 0, accept.Err);
        Assert.Equal($"Recorded accept on analysis {llm} (incident inc-a, engine openai:gpt-test).\n", accept.Out.ReplaceLineEndings("\n"));
        var (code, stdout, stderr) = Run("feedback", "list", "--json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var analyses = json["analyses"]!.AsArray();
        Assert.Equal([llm, heuristic], analyses.Select(a => a!["id"]!.GetValue<string>()));
        Assert.Equal(("inc-a", "src/Cart.cs", "Cart.Total", 0.8, "2026-03-01T10:02:00.000Z"), (
            analyses[0]!["incident_id"]!.GetValue<string>(),
            analyses[0]!["suspected_file"]!.GetValue<string>(),
            analyses[0]!["suspected_symbol"]!.GetValue<string>(),
            analyses[0]!["confidence"]!.GetValue<double>(),
            analyses[0]!["created_at"]!.GetValue<string>()));
        Assert.Equal(["partially_correct", "accept"], analyses[0]!["feedback"]!.AsArray().Select(f => f!["verdict"]!.GetValue<string>()));
        Assert.Equal(("spot on", "dana"), (analyses[0]!["feedback"]![1]!["notes"]!.GetValue<string>(), analyses[0]!["feedback"]![1]!["user"]!.GetValue<string>()));
        Assert.Equal(
            """[{"engine":"heuristic","accept":0,"reject":1,"partially_correct":0,"total":1},{"engine":"openai:gpt-test","accept":1,"reject":0,"partially_correct":1,"total":2}]""",
            json["engines"]!.ToJsonString());

        var text = Run("feedback", "list", "--incident", "inc-a").Out.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("analysis id", text[0], StringComparison.Ordinal);
        Assert.StartsWith($"{llm}  inc-a         openai:gpt-test       2026-03-01T10:02:00.000Z  Cart.Total                      1 accept, 1 partially_correct", text[1], StringComparison.Ordinal);
        Assert.Contains("    2026-", text[2], StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(Run("feedback", "list", "--incident", "inc-zzz", "--json").Out)!["analyses"]!.AsArray());
    }

    [Fact]
    public async Task AnUnknownAnalysisOrVerdictIsAUsageErrorThatRecordsNothing()
    {
        var (_, llm) = await SeedAsync();

        var unknown = Run("feedback", "0000", "--verdict", "accept");
        var verdict = Run("feedback", llm, "--verdict", "maybe");
        var missing = Run("feedback", llm);

        Assert.Equal((2, "culprit: no stored RCA result has the id '0000'; 'culprit feedback list' shows the ids of the stored analyses\n"), (unknown.Code, unknown.Err.ReplaceLineEndings("\n")));
        Assert.Equal((2, "culprit: --verdict: unknown verdict 'maybe' (use accept, reject or partially_correct)\n"), (verdict.Code, verdict.Err.ReplaceLineEndings("\n")));
        Assert.Equal(2, missing.Code);
        Assert.Contains("--verdict", missing.Err, StringComparison.Ordinal);
        var json = JsonNode.Parse(Run("feedback", "list", "--json").Out)!;
        Assert.All(json["analyses"]!.AsArray(), a => Assert.Empty(a!["feedback"]!.AsArray()));
    }

    [Fact]
    public void UsersAndKeysAreAddedListedAndRevoked()
    {
        var add = Run("users", "add", "dana", "--role", "analyst", "--email", "dana@example.com");
        var duplicate = Run("users", "add", "dana", "--role", "viewer");
        var role = Run("users", "add", "kim", "--role", "root");
        var create = Run("keys", "create", "dana", "--name", "ci", "--role", "viewer");
        var above = Run("keys", "create", "dana", "--role", "admin");
        var nobody = Run("keys", "create", "nobody");

        Assert.True(add.Code == 0, add.Err);
        Assert.StartsWith("Added user dana (analyst), id ", add.Out, StringComparison.Ordinal);
        Assert.Equal((2, "culprit: a user named 'dana' already exists\n"), (duplicate.Code, duplicate.Err.ReplaceLineEndings("\n")));
        Assert.Equal((2, "culprit: --role: unknown role 'root' (use viewer, analyst or admin)\n"), (role.Code, role.Err.ReplaceLineEndings("\n")));
        Assert.Equal((2, "culprit: an API key of user 'dana' (analyst) cannot have the higher role admin\n"), (above.Code, above.Err.ReplaceLineEndings("\n")));
        Assert.Equal((2, "culprit: no user is named 'nobody'; 'culprit users list' shows them\n"), (nobody.Code, nobody.Err.ReplaceLineEndings("\n")));
        Assert.True(create.Code == 0, create.Err);
        var secret = create.Out.Trim();
        Assert.Matches("^cpk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("cannot be shown again", create.Err, StringComparison.Ordinal);

        var keys = Run("keys", "list", "dana").Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(3, keys.Length);
        Assert.Contains($"  {secret[..12]}  ci                viewer    ", keys[1], StringComparison.Ordinal);
        Assert.EndsWith("never                     active", keys[1], StringComparison.Ordinal);
        Assert.DoesNotContain(secret, string.Join('\n', keys), StringComparison.Ordinal);
        var keyId = keys[1][..32];
        Assert.Equal(0, Run("keys", "revoke", keyId).Code);
        Assert.EndsWith("revoked", Run("keys", "list", "dana").Out.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(2, Run("keys", "revoke", "nokey").Code);
        Assert.Equal(["dana"], Run("users", "list").Out.ReplaceLineEndings("\n").Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]));
    }
}
