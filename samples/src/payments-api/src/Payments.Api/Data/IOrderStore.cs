using Payments.Api.Models;

namespace Payments.Api.Data;

/// <summary>Orders and their refunds, in the payments database.</summary>
public interface IOrderStore
{
    Task<Order?> FindAsync(Guid orderId, CancellationToken ct);

    Task SaveRefundAsync(Order order, Refund refund, CancellationToken ct);
}
