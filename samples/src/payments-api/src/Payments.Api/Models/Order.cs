namespace Payments.Api.Models;

/// <summary>
/// An order as payments sees it. <see cref="Payment"/> is the card payment; orders paid entirely with a gift card
/// or store credit have none.
/// </summary>
public sealed class Order
{
    public required Guid Id { get; init; }

    public required int Number { get; init; }

    public required decimal Total { get; init; }

    public required string Currency { get; init; }

    public Payment? Payment { get; init; }

    public decimal GiftCardAmount { get; init; }

    public decimal RefundedAmount { get; set; }

    public DateTimeOffset PlacedAt { get; init; }
}
