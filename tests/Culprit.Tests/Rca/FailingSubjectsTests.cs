using Culprit.Rca.Heuristic;

namespace Culprit.Tests.Rca;

public sealed class FailingSubjectsTests
{
    [Theory]
    [InlineData(ExceptionFamily.NullDereference, "java.lang.NullPointerException", "Cannot invoke \"com.shop.Address.getCountry()\" because the return value of \"com.shop.Customer.getShippingAddress()\" is null",
        "String country = customer.getShippingAddress().getCountry();", "customer.getShippingAddress()", "return value", "customer")]
    [InlineData(ExceptionFamily.NullDereference, "java.lang.NullPointerException", "Cannot invoke \"String.length()\" because \"name\" is null",
        "return name.length();", "name", "null value", "name")]
    [InlineData(ExceptionFamily.NullDereference, "TypeError", "Cannot read properties of undefined (reading 'price')",
        "return sum + item.product.price * item.qty;", "item.product", "null value", "item")]
    [InlineData(ExceptionFamily.NullDereference, "AttributeError", "'NoneType' object has no attribute 'amount'",
        "return order.amount * 2", "order", "null value", "order")]
    [InlineData(ExceptionFamily.NullDereference, "TypeError", "'NoneType' object is not iterable",
        "for name in self.modules:", "self.modules", "null value", "modules")]
    [InlineData(ExceptionFamily.NullDereference, "System.NullReferenceException", "Object reference not set to an instance of an object.",
        "var left = decimal.Round(order.Payment.CapturedAmount - order.Refunded, 2);", "order.Payment", "possibly null", "order")]
    [InlineData(ExceptionFamily.KeyOrIndex, "KeyError", "'u-1'", "profile = self.profiles[user_id]", "self.profiles[user_id]", "key or index", "user_id")]
    [InlineData(ExceptionFamily.TypeMismatch, "AttributeError", "'bool' object has no attribute 'decode'",
        "return value.decode(\"utf-8\")", "value", "wrong type", "value")]
    [InlineData(ExceptionFamily.TypeMismatch, "TypeError", "'>=' not supported between instances of 'int' and 'NoneType'",
        "if failures >= self.limit:", "self.limit", "null value", "limit")]
    [InlineData(ExceptionFamily.Arithmetic, "ZeroDivisionError", "division by zero", "return clicks / impressions", "impressions", "divisor", "impressions")]
    [InlineData(ExceptionFamily.TimeoutOrConnection, "TimeoutException", "timed out", "var rate = await client.GetRateAsync(pair);", "client.GetRateAsync(…)", "call", "client")]
    public void TheSubjectOfTheFailingLineIsFoundFromTheMessage(ExceptionFamily family, string type, string message, string line, string expression, string role, string root)
    {
        var subject = FailingSubjects.Find(family, type, message, line);
        Assert.NotNull(subject);
        Assert.Equal((expression, role, root), (subject.Expression, subject.Role, subject.Root));
    }

    [Fact]
    public void ALineWithoutTheExpressionGivesNoSubject() =>
        Assert.Null(FailingSubjects.Find(ExceptionFamily.KeyOrIndex, "KeyError", "'x'", "pass"));
}
