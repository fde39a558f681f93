using Payments.Api.Models;

namespace Payments.Api.Data;

/// <summary>A row of the orders table; a null charge id means the order had no card payment.</summary>
internal sealed record OrderRow(
    Guid Id, int Number, decimal Total, string Currency, string? ChargeId, decimal? CapturedAmount,
    decimal GiftCardAmount, decimal RefundedAmount, DateTimeOffset PlacedAt)
{
    public Order ToOrder() => new()
    {
        Id = Id,
        Number = Number,
        Total = Total,
        Currency = Currency,
        Payment = ChargeId is null ? null : new Payment(ChargeId, CapturedAmount ?? 0, Currency),
        GiftCardAmount = GiftCardAmount,
        RefundedAmount = RefundedAmount,
        PlacedAt = PlacedAt,
    };
}
