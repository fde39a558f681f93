using Payments.Api.Models;

namespace Payments.Api.Data;

/// <summary>The order store on the payments database (Npgsql with Dapper).</summary>
public sealed class PostgresOrderStore(NpgsqlDataSource db) : IOrderStore
{
    public async Task<Order?> FindAsync(Guid orderId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<OrderRow>(
            "select id, number, total, currency, charge_id, captured_amount, gift_card_amount, refunded_amount, placed_at from orders where id = @orderId",
            new { orderId });
        return row?.ToOrder();
    }

    public async Task SaveRefundAsync(Order order, Refund refund, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            "insert into refunds (id, order_id, amount, currency, created_at) values (@RefundId, @OrderId, @Amount, @Currency, @CreatedAt); " +
            "update orders set refunded_amount = @refunded where id = @id",
            new { refund.RefundId, refund.OrderId, refund.Amount, refund.Currency, refund.CreatedAt, refunded = order.RefundedAmount, id = order.Id });
    }
}
