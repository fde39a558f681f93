namespace Culprit.Bench;

/// <summary>Stack traces the generator mixes into its logs (written for this benchmark).</summary>
internal static class Traces
{
    private static readonly string[] All =
    [
        """
        java.lang.IllegalStateException: order 4411 has no lines
        	at com.shop.checkout.OrderValidator.validate(OrderValidator.java:31)
        	at com.shop.checkout.CheckoutService.place(CheckoutService.java:77)
        	at com.shop.checkout.api.OrderController.post(OrderController.java:45)
        	at jdk.internal.reflect.GeneratedMethodAccessor12.invoke(Unknown Source)
        	at java.base/java.lang.reflect.Method.invoke(Method.java:580)
        	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)
        	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)
        	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:166)
        Caused by: java.lang.NullPointerException: Cannot invoke "java.util.List.size()" because "lines" is null
        	at com.shop.checkout.Order.lineCount(Order.java:88)
        	at com.shop.checkout.OrderValidator.validate(OrderValidator.java:29)
        	... 6 more

        """,
        """
        System.InvalidOperationException: Sequence contains no elements
           at System.Linq.ThrowHelper.ThrowNoElementsException()
           at Shop.Pricing.PriceRules.Pick(IEnumerable`1 rules) in /src/Shop.Pricing/PriceRules.cs:line 52
           at Shop.Pricing.PricingService.PriceAsync(Cart cart, CancellationToken ct) in /src/Shop.Pricing/PricingService.cs:line 118
           at Shop.Api.Controllers.CartController.Total(Guid id) in /src/Shop.Api/Controllers/CartController.cs:line 40

        """,
        """
        Traceback (most recent call last):
          File "/app/search/api.py", line 57, in query
            hits = index.lookup(term, size=size)
          File "/app/search/index.py", line 120, in lookup
            return self.shards[shard_for(term)].get(term)
        KeyError: 'shard-7'

        """,
        """
        TypeError: Cannot read properties of undefined (reading 'id')
            at toDto (/srv/catalog/src/mappers/product.js:12:24)
            at Array.map (<anonymous>)
            at listProducts (/srv/catalog/src/routes/products.js:33:28)
            at process.processTicksAndRejections (node:internal/process/task_queues:95:5)

        """,
    ];

    public static string Pick(Random random)
    {
        var trace = All[random.Next(All.Length)].Replace("\r", "", StringComparison.Ordinal);
        return trace.TrimEnd('\n') + "\n";
    }
}
