namespace Payments.Api.Services;

/// <summary>A refund the rules forbid (too old, more than was paid); the API answers 422 with the message.</summary>
public sealed class RefundNotAllowedException(string message) : Exception(message);
