using Culprit.Rca.Heuristic;

namespace Culprit.Tests.Rca;

public sealed class ExceptionFamiliesTests
{
    [Theory]
    [InlineData("java.lang.NullPointerException", "", ExceptionFamily.NullDereference)]
    [InlineData("System.NullReferenceException", "Object reference not set to an instance of an object.", ExceptionFamily.NullDereference)]
    [InlineData("TypeError", "Cannot read properties of undefined (reading 'price')", ExceptionFamily.NullDereference)]
    [InlineData("AttributeError", "'NoneType' object has no attribute 'id'", ExceptionFamily.NullDereference)]
    [InlineData("NoMethodError", "undefined method `name' for nil:NilClass", ExceptionFamily.NullDereference)]
    [InlineData("Error", "Call to a member function save() on null", ExceptionFamily.NullDereference)]
    [InlineData("KeyError", "'u-1'", ExceptionFamily.KeyOrIndex)]
    [InlineData("System.Collections.Generic.KeyNotFoundException", "The given key 'EUR-CHF' was not present in the dictionary.", ExceptionFamily.KeyOrIndex)]
    [InlineData("java.lang.ArrayIndexOutOfBoundsException", "Index 5 out of bounds for length 5", ExceptionFamily.KeyOrIndex)]
    [InlineData("runtime error", "index out of range [3] with length 3", ExceptionFamily.KeyOrIndex)]
    [InlineData("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", ExceptionFamily.TimeoutOrConnection)]
    [InlineData("System.TimeoutException", "The operation has timed out.", ExceptionFamily.TimeoutOrConnection)]
    [InlineData("Error", "connect ECONNREFUSED 127.0.0.1:5432", ExceptionFamily.TimeoutOrConnection)]
    [InlineData("java.lang.IllegalArgumentException", "Minutes out of range: -15", ExceptionFamily.Validation)]
    [InlineData("ValueError", "invalid literal for int() with base 10: 'abc'", ExceptionFamily.Validation)]
    [InlineData("java.lang.NumberFormatException", "For input string: \"x\"", ExceptionFamily.Validation)]
    [InlineData("java.lang.ClassCastException", "class A cannot be cast to class B", ExceptionFamily.TypeMismatch)]
    [InlineData("AttributeError", "'bool' object has no attribute 'decode'", ExceptionFamily.TypeMismatch)]
    [InlineData("ZeroDivisionError", "division by zero", ExceptionFamily.Arithmetic)]
    [InlineData("java.lang.IllegalStateException", "closed", ExceptionFamily.IllegalState)]
    [InlineData("java.io.FileNotFoundException", "/etc/app.conf", ExceptionFamily.Resource)]
    [InlineData("com.acme.WeirdException", "boom", ExceptionFamily.Unknown)]
    public void EachRuntimesTypesAndMessagesFallIntoTheirFamily(string type, string message, ExceptionFamily expected) =>
        Assert.Equal(expected, ExceptionFamilies.Classify(type, message));
}
