using Payments.Api.Data;
using Payments.Api.Models;
using Payments.Api.Providers;

namespace Payments.Api.Services;

/// <summary>
/// Refunds an order, in full or in part: checks what is still refundable, sends the refund to the provider and
/// records it. Only the card part of an order goes back through the provider.
/// </summary>
public sealed class RefundService
{
    /// <summary>Orders older than this are refunded as store credit by support, not here.</summary>
    private static readonly TimeSpan MaxRefundAge = TimeSpan.FromDays(90);

    private readonly IOrderStore _orders;
    private readonly IPaymentProvider _provider;
    private readonly TimeProvider _clock;

    public RefundService(IOrderStore orders, IPaymentProvider provider, TimeProvider clock)
    {
        _orders = orders;
        _provider = provider;
        _clock = clock;
    }

    /// <summary>Refunds <paramref name="amount"/> of the order; returns the refund as recorded.</summary>
    /// <exception cref="KeyNotFoundException">No order has that id.</exception>
    /// <exception cref="RefundNotAllowedException">The order is too old or the amount exceeds what was paid.</exception>
    public async Task<Refund> RefundAsync(Guid orderId, decimal amount, CancellationToken ct)
    {
        var order = await _orders.FindAsync(orderId, ct)
            ?? throw new KeyNotFoundException($"order {orderId} not found");
        if (_clock.GetUtcNow() - order.PlacedAt > MaxRefundAge)
            throw new RefundNotAllowedException($"order {order.Number} is older than {MaxRefundAge.TotalDays} days");

        // partial refunds are allowed: returns send one request per returned line
        var refundable = CalculateRefund(order, amount);
        var refundId = await _provider.RefundAsync(order.Payment!.ChargeId, refundable, ct);
        var refund = new Refund(refundId, order.Id, refundable, order.Currency, _clock.GetUtcNow());
        order.RefundedAmount += refundable;
        await _orders.SaveRefundAsync(order, refund, ct);
        return refund;
    }

    /// <summary>Whether nothing of the order's card payment is left to refund.</summary>
    public static bool IsFullyRefunded(Order order) =>
        order.Payment is { } payment && order.RefundedAmount >= payment.CapturedAmount;

    /// <summary>
    /// The amount to send back through the provider: what was asked, capped by what the card paid and not
    /// yet refunded.
    /// </summary>
    /// <remarks>
    /// Earlier refunds of the same order count against the cap, so two partial refunds never exceed the payment.
    /// </remarks>
    /// <param name="order">The order, with its payment and what was refunded so far.</param>
    /// <param name="amount">The amount asked, in the order's currency.</param>
    internal static decimal CalculateRefund(Order order, decimal amount)
    {
        if (amount <= 0)
            throw new RefundNotAllowedException("a refund must be positive");

        var stillRefundable = order.Payment.CapturedAmount - order.RefundedAmount;
        if (amount > stillRefundable)
            throw new RefundNotAllowedException($"only {stillRefundable} {order.Currency} of order {order.Number} can be refunded");
        return amount;
    }
}
