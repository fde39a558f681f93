using Payments.Api.Models;

namespace Payments.Api.Providers;

/// <summary>The card processor (Stripe in production, a fake in tests).</summary>
public interface IPaymentProvider
{
    string Name { get; }

    Task<string> ChargeAsync(string paymentMethodId, decimal amount, string currency, CancellationToken ct);

    Task<string> RefundAsync(string chargeId, decimal amount, CancellationToken ct);
}
