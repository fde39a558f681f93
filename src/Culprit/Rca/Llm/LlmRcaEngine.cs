using System.Globalization;
using Culprit.Model;
using Culprit.Rca.Prompts;
using Culprit.Rca.Redaction;
using Microsoft.Extensions.AI;

namespace Culprit.Rca.Llm;

/// <summary>
/// An LLM as RCA engine: redacts the allow-listed input, sends the brief's prompt asking for the answer schema
/// natively, validates the answer (schema, then sense: a candidate's symbol and lines), sends it back once for
/// repair with the problems, and otherwise returns the fallback engine's report with the reason recorded.
/// Placeholders are restored in the report; tokens and cost are added to the run's meter.
/// </summary>
public sealed class LlmRcaEngine : IRcaEngine, IDisposable
{
    private readonly IChatClient _client;
    private readonly RcaOptions _options;
    private readonly IRcaEngine _fallback;
    private readonly RcaUsageMeter _meter;
    private readonly RcaTranscripts? _transcripts;
    private readonly IRcaSymbolLookup? _symbols;
    private readonly TimeProvider _time;
    private readonly IDisposable? _owned;

    public LlmRcaEngine(string name, IChatClient client, RcaOptions options, IRcaEngine fallback, RcaEngineServices services, IDisposable? owned = null)
    {
        Name = name;
        _client = client;
        _options = options;
        _fallback = fallback;
        _meter = services.Usage;
        _transcripts = services.TranscriptDirectory is null ? null : new RcaTranscripts(services.TranscriptDirectory);
        _symbols = services.Symbols;
        _time = services.Time;
        _owned = owned;
    }

    /// <summary>provider:model, e.g. <c>openai:gpt-4o-mini</c>.</summary>
    public string Name { get; }

    public async Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default)
    {
        var redactor = new Redactor(_options.Redact);
        var prompt = RcaPromptBuilder.Build(AllowList.From(input, redactor), _options.MaxInputTokens);
        var exchange = new Exchange(input.IncidentId, prompt);
        string reason;
        try
        {
            var answer = await AskAsync(exchange, cancellationToken);
            var (report, problems) = await ReadAsync(answer, input, redactor.Map, cancellationToken);
            if (problems.Count == 0)
                return Finish(report!, input, exchange);

            _meter.AddRepair();
            exchange.Messages.Add(new ChatMessage(ChatRole.Assistant, answer ?? ""));
            exchange.Messages.Add(new ChatMessage(ChatRole.User, redactor.Redact(RepairRequest(problems))));
            answer = await AskAsync(exchange, cancellationToken);
            (report, problems) = await ReadAsync(answer, input, redactor.Map, cancellationToken);
            if (problems.Count == 0)
                return Finish(report!, input, exchange);
            reason = "invalid answer after one repair: " + string.Join("; ", problems);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            reason = LlmFailures.Describe(e, _options);
        }

        var fallback = await _fallback.AnalyzeAsync(input, cancellationToken);
        _meter.AddAnalysis(fellBack: true);
        return fallback with
        {
            FallbackReason = $"{Name}: {reason}",
            Tokens = exchange.Requests == 0 ? fallback.Tokens : exchange.Usage(_options),
        };
    }

    public void Dispose()
    {
        (_client as IDisposable)?.Dispose();
        _owned?.Dispose();
    }

    private static string RepairRequest(IReadOnlyList<string> problems) =>
        "Your answer cannot be used:\n- " + string.Join("\n- ", problems)
        + "\nAnswer again with one JSON object that matches the schema, choosing the root cause among the code candidates.";

    private async Task<string?> AskAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            ModelId = _options.Model,
            MaxOutputTokens = _options.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(RcaAnswerSchema.Element, RcaAnswerSchema.Name, "Root-cause analysis of one production incident"),
        };
        var attempt = exchange.Messages.Count > 2 ? 2 : 1;
        try
        {
            var response = await _client.GetResponseAsync(exchange.Messages, chatOptions, cancellationToken);
            var input = response.Usage?.InputTokenCount ?? 0;
            var output = response.Usage?.OutputTokenCount ?? 0;
            exchange.Add(input, output);
            _meter.AddRequest(input, output, Cost(input, output));
            await ArchiveAsync(exchange, attempt, response.Text, null, input, output);
            return response.Text;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await ArchiveAsync(exchange, attempt, null, LlmFailures.Describe(e, _options), null, null);
            throw;
        }
    }

    private async Task<(RcaReport? Report, IReadOnlyList<string> Problems)> ReadAsync(string? answer, RcaInput input, RedactionMap map, CancellationToken cancellationToken)
    {
        if (!AnswerParser.TryParse(answer, out var parsed, out var problems))
            return (null, problems);
        return await AnswerCheck.CheckAsync(ReportRestorer.Restore(parsed, map), input, _symbols, cancellationToken);
    }

    private RcaReport Finish(RcaReport answer, RcaInput input, Exchange exchange)
    {
        _meter.AddAnalysis(fellBack: false);
        return answer with
        {
            IncidentId = input.IncidentId,
            Engine = Name,
            Version = input.Version,
            Commit = input.Commit,
            FallbackReason = null,
            Candidates = [.. input.Candidates.Select(c => new RcaCandidateSummary { File = c.File, Symbol = c.Symbol, StartLine = c.StartLine, EndLine = c.EndLine, Score = c.Score })],
            Tokens = exchange.Usage(_options),
            CreatedAt = _time.GetUtcNow(),
        };
    }

    private double? Cost(long input, long output) => Exchange.Cost(_options, input, output);

    private async Task ArchiveAsync(Exchange exchange, int attempt, string? answer, string? error, long? input, long? output)
    {
        if (_transcripts is null)
            return;
        var transcript = new RcaTranscript
        {
            IncidentId = exchange.IncidentId,
            Engine = Name,
            PromptVersion = RcaPromptBuilder.Version,
            Attempt = attempt,
            At = _time.GetUtcNow(),
            Messages = [.. exchange.Messages.Select(m => new RcaTranscriptMessage(m.Role.Value, m.Text))],
            Answer = answer,
            Error = error,
            InputTokens = input,
            OutputTokens = output,
            Trimmed = exchange.Prompt.Trimmed,
        };
        try
        {
            await _transcripts.WriteAsync(transcript, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _meter.AddArchiveFailure();
        }
    }

    /// <summary>The messages of one analysis and the tokens it used.</summary>
    private sealed class Exchange(string incidentId, RcaPrompt prompt)
    {
        public string IncidentId { get; } = incidentId;

        public RcaPrompt Prompt { get; } = prompt;

        public List<ChatMessage> Messages { get; } =
        [
            new(ChatRole.System, prompt.System),
            new(ChatRole.User, prompt.Context + "\n" + prompt.User),
        ];

        public int Requests { get; private set; }

        private long InputTokens { get; set; }

        private long OutputTokens { get; set; }

        public static double? Cost(RcaOptions options, long input, long output) =>
            options.PriceInputPerMTok is null && options.PriceOutputPerMTok is null
                ? null
                : ((input * (options.PriceInputPerMTok ?? 0)) + (output * (options.PriceOutputPerMTok ?? 0))) / 1_000_000d;

        public void Add(long input, long output)
        {
            Requests++;
            InputTokens += input;
            OutputTokens += output;
        }

        public TokenUsage Usage(RcaOptions options) => new()
        {
            Input = InputTokens,
            Output = OutputTokens,
            CostUsd = Cost(options, InputTokens, OutputTokens),
        };

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{IncidentId}: {Requests} requests");
    }
}
