namespace Payments.Api.Models;

/// <summary>A refund asked by support or by the returns flow; <see cref="OrderNumber"/> is the one the customer sees.</summary>
public sealed record RefundRequest(Guid OrderId, int OrderNumber, decimal Amount, string? Reason);
