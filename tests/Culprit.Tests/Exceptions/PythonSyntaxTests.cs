using Culprit.Exceptions.Python;
using Culprit.Model;

namespace Culprit.Tests.Exceptions;

public sealed class PythonSyntaxTests
{
    [Theory]
    [InlineData("File \"/srv/shop/orders.py\", line 42, in place_order", "/srv/shop/orders.py", 42, "place_order")]
    [InlineData("File \"<frozen runpy>\", line 198, in _run_module_as_main", "<frozen runpy>", 198, "_run_module_as_main")]
    [InlineData("File \"C:\\work\\app\\main.py\", line 7, in <module>", "C:\\work\\app\\main.py", 7, "<module>")]
    [InlineData("File \"billing/tax.py\", line 3, in <lambda>   ", "billing/tax.py", 3, "<lambda>")]
    [InlineData("File \"<string>\", line 1", "<string>", 1, null)]
    public void FileLinesAreRead(string text, string file, int line, string? function)
    {
        Assert.True(PythonSyntax.TryParseFileLine(text, out var gotFile, out var gotLine, out var gotFunction));
        Assert.Equal(file, gotFile);
        Assert.Equal(line, gotLine);
        Assert.Equal(function, gotFunction);
    }

    [Theory]
    [InlineData("File \"a.py\", line , in f")]
    [InlineData("File \"a.py\", line 12 in f")]
    [InlineData("File \"a.py\", line 12, in ")]
    [InlineData("File a.py, line 12, in f")]
    [InlineData("File \"\", line 12, in f")]
    [InlineData("File \"a.py\", line 12345678901, in f")]
    [InlineData("Files \"a.py\", line 1, in f")]
    public void MalformedFileLinesAreRejected(string text) =>
        Assert.False(PythonSyntax.TryParseFileLine(text, out _, out _, out _));

    [Theory]
    [InlineData("ValueError: bad amount", "ValueError", "bad amount")]
    [InlineData("KeyError: 'sku'", "KeyError", "'sku'")]
    [InlineData("StopIteration", "StopIteration", "")]
    [InlineData("RuntimeError:", "RuntimeError", "")]
    [InlineData("requests.exceptions.ConnectTimeout: timed out", "requests.exceptions.ConnectTimeout", "timed out")]
    [InlineData("shop.orders.<locals>.Rejected: no stock", "shop.orders.<locals>.Rejected", "no stock")]
    [InlineData("Exception: ('a', 'b')", "Exception", "('a', 'b')")]
    [InlineData("TypeError: f() missing 1 required positional argument: 'x'", "TypeError", "f() missing 1 required positional argument: 'x'")]
    public void ExceptionLinesAreRead(string text, string type, string message)
    {
        Assert.True(PythonSyntax.TryParseExceptionLine(text, out var gotType, out var gotMessage));
        Assert.Equal(type, gotType);
        Assert.Equal(message, gotMessage);
    }

    [Theory]
    [InlineData("raise ValueError(\"x\")")]
    [InlineData("total = price / count")]
    [InlineData("foo()")]
    [InlineData("http://example.com: down")]
    [InlineData("Error.: x")]
    [InlineData("  ValueError: indented")]
    [InlineData("")]
    public void NonExceptionLinesAreRejected(string text) =>
        Assert.False(PythonSyntax.TryParseExceptionLine(text, out _, out _));

    [Theory]
    [InlineData("Traceback (most recent call last):", 0, false)]
    [InlineData("2024-05-01 10:00:00 ERROR worker Traceback (most recent call last):  ", 33, false)]
    [InlineData("Traceback (most recent call last, catch point marked):", 0, false)]
    [InlineData("  + Exception Group Traceback (most recent call last):", 0, true)]
    [InlineData("Traceback (most recent call last): extra", -1, false)]
    [InlineData("Stack (most recent call last):", -1, false)]
    [InlineData("Exception Group Traceback (most recent call last):", -1, false)]
    [InlineData("handled (see above):", -1, false)]
    public void HeadersAreFoundAfterAnyPrefix(string line, int at, bool group)
    {
        Assert.Equal(at, PythonSyntax.FindHeader(line, out var isGroup));
        Assert.Equal(group, isGroup);
    }

    [Theory]
    [InlineData("[Previous line repeated 996 more times]", 996)]
    [InlineData("[Previous line repeated 1 more time]", 1)]
    public void RepeatedLinesCountOmittedFrames(string text, int count)
    {
        Assert.True(PythonSyntax.TryParseRepeated(text, out var got));
        Assert.Equal(count, got);
    }

    [Theory]
    [InlineData("The above exception was the direct cause of the following exception:", ExceptionRelation.Cause)]
    [InlineData("During handling of the above exception, another exception occurred:  ", ExceptionRelation.Context)]
    [InlineData("During handling of the request, another thing happened:", ExceptionRelation.None)]
    public void SeparatorsNameTheirRelation(string text, ExceptionRelation relation) =>
        Assert.Equal(relation, PythonSyntax.Separator(text));

    [Theory]
    [InlineData("    ^^^^^^^^", true)]
    [InlineData("    ~~~~~~^~~~~~~", true)]
    [InlineData("         ^", true)]
    [InlineData("    x ^ y", false)]
    [InlineData("   ", false)]
    public void CaretLinesAreRecognised(string text, bool caret) =>
        Assert.Equal(caret, PythonSyntax.IsCaretLine(text));
}
