namespace Payments.Api.Models;

/// <summary>A charge for an order: the amount in the customer's currency, settled in the merchant's.</summary>
public sealed record ChargeRequest(Guid OrderId, decimal Amount, string Currency, string SettlementCurrency, string PaymentMethodId);
