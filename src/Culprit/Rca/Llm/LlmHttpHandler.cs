using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Culprit.Rca.Llm;

/// <summary>
/// The HTTP layer under every provider SDK (whose own retries are off): per provider, a concurrency limit and a
/// rate limit; per attempt, a timeout covering the whole response body; retries with exponential backoff and
/// jitter on 408, 429, 5xx, timeouts and network failures, waiting what <c>Retry-After</c> asks on 429/503.
/// </summary>
internal sealed class LlmHttpHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RateLimiter? _rateLimiter;

    public LlmHttpHandler(RcaOptions options, RcaUsageMeter meter, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMs),
                MaxDelay = TimeSpan.FromMinutes(1),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, time)),
                OnRetry = _ =>
                {
                    meter.AddRetry();
                    return default;
                },
            });
        }

        builder.AddConcurrencyLimiter(options.MaxConcurrency, queueLimit: 100_000);
        if (options.RequestsPerMinute > 0)
        {
            // One token every 60/rpm seconds, no burst: the provider never sees more than rpm requests a minute.
            _rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.RequestsPerMinute,
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            builder.AddRateLimiter(_rateLimiter);
        }

        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                var response = await base.SendAsync(Copy(request, body), token);
                await response.Content.LoadIntoBufferAsync(token);
                return response;
            },
            cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _rateLimiter?.Dispose();
        base.Dispose(disposing);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            || (int)status == 529; // Anthropic: overloaded

    // A request message is sent once; each attempt sends a copy of the buffered body.
    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
