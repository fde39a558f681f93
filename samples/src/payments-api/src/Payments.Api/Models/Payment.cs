namespace Payments.Api.Models;

/// <summary>A captured card payment: the provider's charge id and how much was taken.</summary>
public sealed record Payment(string ChargeId, decimal CapturedAmount, string Currency);
