namespace Culprit.Rca.Heuristic;

/// <summary>Tells the <see cref="ExceptionFamily"/> of an exception from its type name and message, for every runtime.</summary>
public static class ExceptionFamilies
{
    public static ExceptionFamily Classify(string? type, string? message)
    {
        var t = ShortName(type ?? "");
        var m = message ?? "";
        if (IsNull(t, m))
            return ExceptionFamily.NullDereference;
        if (t is "KeyError" or "IndexError" or "KeyNotFoundException" or "IndexOutOfRangeException" or "ArgumentOutOfRangeException"
                or "ArrayIndexOutOfBoundsException" or "StringIndexOutOfBoundsException" or "IndexOutOfBoundsException"
                or "NoSuchElementException" or "NoSuchKeyException" or "RangeError" or "OutOfRangeError"
            || m.Contains("index out of range", StringComparison.OrdinalIgnoreCase)
            || m.StartsWith("Undefined index", StringComparison.Ordinal) || m.StartsWith("Undefined array key", StringComparison.Ordinal)
            || m.StartsWith("Undefined offset", StringComparison.Ordinal))
            return ExceptionFamily.KeyOrIndex;
        if (t.Contains("Timeout", StringComparison.OrdinalIgnoreCase) || t is "ConnectException" or "ConnectionError" or "ConnectionRefusedError"
                or "ConnectionResetError" or "HttpRequestException" or "SocketException" or "UnknownHostException" or "SQLTransientConnectionException"
                or "ServiceUnavailable" or "BrokenPipeError" or "ReadTimeout" or "URLError"
            || Has(m, "timed out", "timeout", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "connection refused", "connection reset",
                "deadline exceeded", "Connection is not available"))
            return ExceptionFamily.TimeoutOrConnection;
        if (t is "ZeroDivisionError" or "ArithmeticException" or "DivideByZeroException" or "OverflowException" or "ArithmeticError"
                or "FloatingPointError" or "DivisionByZeroError" or "OverflowError"
            || Has(m, "divide by zero", "division by zero"))
            return ExceptionFamily.Arithmetic;
        if (t is "ClassCastException" or "TypeError" or "AttributeError" or "InvalidCastException" or "NoMethodError"
                or "ArrayStoreException" or "TypeMismatchException" or "UnsupportedOperationException"
            || m.StartsWith("interface conversion", StringComparison.Ordinal))
            return ExceptionFamily.TypeMismatch;
        if (t is "IllegalArgumentException" or "ArgumentException" or "ValueError" or "FormatException" or "NumberFormatException"
                or "JsonException" or "JSONException" or "JsonParseException" or "JsonMappingException" or "ParseException"
                or "DateTimeParseException" or "ValidationException" or "ValidationError" or "InvalidArgumentException"
                or "SyntaxError" or "ArgumentError" or "UnicodeDecodeError" or "InvalidFormatException" or "DecodeError"
                or "MismatchedInputException" or "ConstraintViolationException" or "BadRequest"
            || t.EndsWith("ParseException", StringComparison.Ordinal) || t.EndsWith("ValidationException", StringComparison.Ordinal)
            || m.StartsWith("strconv.", StringComparison.Ordinal) || m.StartsWith("invalid ", StringComparison.OrdinalIgnoreCase))
            return ExceptionFamily.Validation;
        if (t is "IllegalStateException" or "InvalidOperationException" or "ConcurrentModificationException" or "AssertionError"
                or "RuntimeError" or "ObjectDisposedException" or "IllegalMonitorStateException" or "NotImplementedError"
                or "NotImplementedException" or "NotSupportedException" or "InvalidStateError")
            return ExceptionFamily.IllegalState;
        if (t.Contains("OutOfMemory", StringComparison.Ordinal) || t is "StackOverflowError" or "FileNotFoundException" or "FileNotFoundError"
                or "IOException" or "PermissionError" or "UnauthorizedAccessException" or "AccessDeniedException" or "IOError"
                or "OSError" or "DirectoryNotFoundException" or "NoSuchFileException" or "RecursionError" or "MemoryError")
            return ExceptionFamily.Resource;
        return ExceptionFamily.Unknown;
    }

    private static bool IsNull(string t, string m) =>
        t is "NullPointerException" or "NullReferenceException" or "ArgumentNullException"
        || m.Contains("'NoneType' object", StringComparison.Ordinal)
        || m.Contains("of undefined", StringComparison.Ordinal) || m.Contains("of null", StringComparison.Ordinal)
        || m.Contains("is undefined", StringComparison.Ordinal) || m.Contains("is null", StringComparison.Ordinal) && t is "TypeError"
        || m.Contains("for nil:NilClass", StringComparison.Ordinal) || m.Contains("for nil", StringComparison.Ordinal) && t is "NoMethodError"
        || m.Contains("nil pointer dereference", StringComparison.Ordinal)
        || m.Contains("on null", StringComparison.Ordinal) && m.StartsWith("Call to a member function", StringComparison.Ordinal);

    private static bool Has(string text, params string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The type's simple name: <c>java.lang.NullPointerException</c> → <c>NullPointerException</c>.</summary>
    public static string ShortName(string type)
    {
        var cut = Math.Max(type.LastIndexOf('.'), Math.Max(type.LastIndexOf('\\'), type.LastIndexOf(':')));
        return cut < 0 ? type : type[(cut + 1)..];
    }
}
