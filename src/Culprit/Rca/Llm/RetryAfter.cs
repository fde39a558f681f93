using System.Globalization;
using System.Net;

namespace Culprit.Rca.Llm;

/// <summary>The wait a 429 or 503 response asks for: <c>retry-after-ms</c> (OpenAI, Azure), or <c>Retry-After</c> in seconds or as a date.</summary>
internal static class RetryAfter
{
    /// <summary>Longer waits are cut to this, so one response cannot stall a run.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(2);

    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            return null;
        TimeSpan? wait = null;
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            wait = TimeSpan.FromMilliseconds(ms);
        }
        else if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            wait = delta;
        }
        else if (response.Headers.RetryAfter?.Date is { } date)
        {
            var until = date - time.GetUtcNow();
            wait = until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return wait > Max ? Max : wait;
    }
}
