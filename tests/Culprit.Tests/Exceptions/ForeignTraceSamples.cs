using Culprit.Exceptions;

namespace Culprit.Tests.Exceptions;

/// <summary>Small traces of the Java, .NET, Python, Node and Go formats, written for these tests, that other runtimes' parsers must leave alone.</summary>
internal static class ForeignTraceSamples
{
    public static TheoryData<string> All() =>
    [
        """
        Exception in thread "main" java.lang.IllegalStateException: cart is closed (id 7)
        	at com.example.shop.Cart.add(Cart.java:42)
        	at com.example.shop.Main.main(Main.java:10)
        Caused by: java.io.IOException: disk full
        	at com.example.io.Store.write(Store.java:7)
        	... 2 more
        """,
        """
        2024-03-01 10:00:00 ERROR [main] c.e.Shop - failed: Exception: boom in handler:3
        java.lang.RuntimeException: wrapped (inner):
        	at com.example.Handler.handle(Handler.java:12)
        """,
        """
        System.InvalidOperationException: Sequence contains no elements
           at System.Linq.ThrowHelper.ThrowNoElementsException()
           at Shop.Orders.OrderService.Place(Order order) in /src/Shop/Orders/OrderService.cs:line 31
         ---> System.ArgumentException: nope (Parameter 'x')
           --- End of inner exception stack trace ---
        """,
        """
        Traceback (most recent call last):
          File "/srv/app/main.py", line 12, in <module>
            run()
          File "/srv/app/main.py", line 8, in run
            raise ValueError("bad input (x)")
        ValueError: bad input (x)
        """,
        """
        TypeError: Cannot read properties of undefined (reading 'id')
            at getUser (/srv/app/users.js:14:22)
            at new UserError (/srv/app/errors.js:3:5)
            at async Promise.all (index 0)
        """,
        """
        Uncaught TypeError: handler is not a function in app.js:3
            at HTMLButtonElement.onclick (https://example.test/app.js:1:20)
        Uncaught ReferenceError: x is not defined
            at <anonymous>:1:1
        """,
        """
        panic: runtime error: index out of range [5] with length 3

        goroutine 1 [running]:
        main.lookup(...)
        	/home/dev/app/main.go:12
        main.main()
        	/home/dev/app/main.go:20 +0x1d
        exit status 2
        """,
    ];

    public static TraceLines Lines(string text) => TraceLines.FromText(text, 1, allOnOneLine: false);

    /// <summary>The index of the first line at which <paramref name="parser"/> claims a trace, or -1.</summary>
    public static int FirstClaim(ITraceParser parser, string text)
    {
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (parser.TryParse(lines, i, out _))
                return i;
        }

        return -1;
    }

    /// <summary>Every line cut and every character cut of <paramref name="text"/>, tried at every line: nothing may throw.</summary>
    public static void ParseEveryTruncation(ITraceParser parser, string text)
    {
        for (var cut = 1; cut <= text.Length; cut++)
        {
            var lines = Lines(text[..cut]);
            for (var i = 0; i < lines.Count; i++)
                parser.TryParse(lines, i, out _);
        }
    }
}
