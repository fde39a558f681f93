namespace Payments.Api.Models;

/// <summary>A refund that was sent to the provider.</summary>
public sealed record Refund(string RefundId, Guid OrderId, decimal Amount, string Currency, DateTimeOffset CreatedAt);
