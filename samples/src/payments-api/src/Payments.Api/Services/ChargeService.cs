using Payments.Api.Fx;
using Payments.Api.Models;
using Payments.Api.Providers;

namespace Payments.Api.Services;

/// <summary>
/// Charges a customer through the payment provider and works out what the merchant receives in its settlement
/// currency. Provider timeouts are retried by the provider client; everything else fails the charge.
/// Amounts are decimals in the currency's major unit (68.15 EUR).
/// </summary>
public sealed class ChargeService
{
    private static readonly TimeSpan ProviderTimeout = TimeSpan.FromSeconds(5);

    private readonly IPaymentProvider _provider;
    private readonly RateTable _rates;
    private readonly ILogger<ChargeService> _logger;

    public ChargeService(IPaymentProvider provider, RateTable rates, ILogger<ChargeService> logger)
    {
        _provider = provider;
        _rates = rates;
        _logger = logger;
    }

    /// <summary>
    /// Charges <see cref="ChargeRequest.Amount"/> in <see cref="ChargeRequest.Currency"/>, then converts it to the
    /// merchant's settlement currency at the day's rate.
    /// </summary>
    /// <exception cref="TimeoutException">The provider did not answer within five seconds.</exception>
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request)
    {
        using var timeout = new CancellationTokenSource(ProviderTimeout);
        string chargeId;
        try
        {
            chargeId = await _provider.ChargeAsync(request.PaymentMethodId, request.Amount, request.Currency, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            _logger.LogError("Payment provider timeout after {ElapsedMs} ms for order {OrderId}", ProviderTimeout.TotalMilliseconds, request.OrderId);
            throw new TimeoutException($"{_provider.Name} did not answer in time");
        }

        var pair = $"{request.Currency}-{request.SettlementCurrency}";
        try
        {
            // the customer pays in their currency; the merchant is paid in the settlement currency.
            // A charge whose conversion fails stays unsettled and is voided by the nightly reconciliation.
            var settled = _rates.Convert(request.Currency, request.SettlementCurrency, request.Amount);
            _logger.LogInformation("Charged {Amount} {Currency}", request.Amount, request.Currency);
            return new ChargeResult(chargeId, settled, request.SettlementCurrency);
        }
        catch (Exception e)
        {
            using (_logger.BeginScope(new Dictionary<string, object> { ["currency_pair"] = pair }))
                _logger.LogError(e, "Charge failed");
            throw;
        }
    }
}
