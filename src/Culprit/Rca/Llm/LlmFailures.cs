using System.ClientModel;
using System.Globalization;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Culprit.Rca.Llm;

/// <summary>Turns what a provider SDK threw into the one-line reason recorded as <c>fallback_reason</c>.</summary>
internal static class LlmFailures
{
    public static string Describe(Exception exception, RcaOptions options)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutRejectedException or TimeoutException:
                    return Say($"timeout: no answer within {options.TimeoutSeconds} s{Retries(options)}");
                case RateLimiterRejectedException:
                    return "rate limit: the request queue is full";
                case ClientResultException { Status: > 0 } client:
                    return Say($"HTTP {client.Status}{Retries(options, client.Status)}: {FirstLine(client.Message)}");
                case HttpRequestException { StatusCode: { } code } http:
                    return Say($"HTTP {(int)code}{Retries(options, (int)code)}: {FirstLine(http.Message)}");
                case HttpRequestException http:
                    return Say($"cannot reach the server{Retries(options)}: {FirstLine(http.Message)}");
            }
        }

        var status = StatusOf(exception);
        return status is null
            ? $"{exception.GetType().Name}: {FirstLine(exception.Message)}"
            : Say($"HTTP {status}{Retries(options, status.Value)}: {FirstLine(exception.Message)}");
    }

    // The Anthropic SDK's API exceptions carry the status as a StatusCode property.
    private static int? StatusOf(Exception exception) =>
        exception.GetType().GetProperty("StatusCode")?.GetValue(exception) switch
        {
            System.Net.HttpStatusCode code => (int)code,
            int code => code,
            _ => null,
        };

    private static string Retries(RcaOptions options, int status) =>
        status is 408 or 429 or >= 500 ? Retries(options) : "";

    private static string Retries(RcaOptions options) =>
        options.MaxRetries == 0 ? "" : Say($" after {options.MaxRetries} retries");

    // SDK messages put the status on the first line and the server's error text below it: keep both, on one line.
    private static string FirstLine(string message)
    {
        var parts = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = string.Join(" ", parts);
        return line.Length > 300 ? string.Concat(line.AsSpan(0, 300), "…") : line;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
