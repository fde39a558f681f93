namespace Payments.Api.Models;

/// <summary>The provider's charge id and the amount settled to the merchant.</summary>
public sealed record ChargeResult(string ChargeId, decimal SettledAmount, string SettlementCurrency);
