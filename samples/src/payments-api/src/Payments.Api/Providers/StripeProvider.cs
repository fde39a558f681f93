using System.Net.Http.Json;

namespace Payments.Api.Providers;

/// <summary>Stripe through its REST API; amounts are sent in minor units (cents).</summary>
public sealed class StripeProvider(HttpClient http) : IPaymentProvider
{
    public string Name => "stripe";

    public async Task<string> ChargeAsync(string paymentMethodId, decimal amount, string currency, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/v1/charges", new { amount = ToMinorUnits(amount), currency, source = paymentMethodId }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StripeObject>(ct))!.Id;
    }

    public async Task<string> RefundAsync(string chargeId, decimal amount, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/v1/refunds", new { charge = chargeId, amount = ToMinorUnits(amount) }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<StripeObject>(ct))!.Id;
    }

    private static long ToMinorUnits(decimal amount) => (long)decimal.Round(amount * 100, 0, MidpointRounding.AwayFromZero);

    private sealed record StripeObject(string Id);
}
