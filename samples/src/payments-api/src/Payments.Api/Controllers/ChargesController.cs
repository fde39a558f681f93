using Microsoft.AspNetCore.Mvc;
using Payments.Api.Models;
using Payments.Api.Services;

namespace Payments.Api.Controllers;

/// <summary>POST /charges: the charge checkout asks for once an order is placed.</summary>
[ApiController]
[Route("charges")]
public sealed class ChargesController : ControllerBase
{
    private readonly ChargeService _charges;

    public ChargesController(ChargeService charges)
    {
        _charges = charges;
    }

    /// <summary>
    /// Charges the order's payment method. Answers 201 with the charge, 400 for an amount that is not positive,
    /// 504 when the provider timed out; any other failure is a 500 and is logged by the service.
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> Post(ChargeRequest request)
    {
        if (request.Amount <= 0)
            return BadRequest(new { error = "amount must be positive" });
        if (string.IsNullOrWhiteSpace(request.Currency) || string.IsNullOrWhiteSpace(request.SettlementCurrency))
            return BadRequest(new { error = "currency and settlement currency are required" });

        try
        {
            var result = await _charges.ChargeAsync(request);
            return Created($"/charges/{result.ChargeId}", result);
        }
        catch (TimeoutException e)
        {
            return StatusCode(StatusCodes.Status504GatewayTimeout, new { error = e.Message });
        }
    }
}
