using Microsoft.AspNetCore.Mvc;
using Payments.Api.Models;
using Payments.Api.Services;

namespace Payments.Api.Controllers;

/// <summary>POST /refunds: refunds asked by support and by the returns flow.</summary>
[ApiController]
[Route("refunds")]
public sealed class RefundsController : ControllerBase
{
    private readonly RefundService _refunds;
    private readonly ILogger<RefundsController> _logger;

    public RefundsController(RefundService refunds, ILogger<RefundsController> logger)
    {
        _refunds = refunds;
        _logger = logger;
    }

    /// <summary>Refunds part or all of an order; 422 when the rules forbid it.</summary>
    [HttpPost]
    public async Task<IActionResult> Post(RefundRequest request, CancellationToken ct)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["order_id"] = request.OrderId, ["amount"] = request.Amount });
        try
        {
            // the returns flow retries on 5xx, so a failure here is retried a few times before support sees it
            var refund = await _refunds.RefundAsync(request.OrderId, request.Amount, ct);
            return Ok(refund);
        }
        catch (RefundNotAllowedException e)
        {
            return UnprocessableEntity(new { error = e.Message });
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Refund failed for order {OrderNumber}", request.OrderNumber);
            throw;
        }
    }
}
