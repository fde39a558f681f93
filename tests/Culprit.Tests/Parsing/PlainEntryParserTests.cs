using System.Globalization;
using Culprit.Model;
using Culprit.Parsing;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing;

/// <summary>Plain-text header lines of the common loggers, one row per form. "Now" is 2024-06-15 12:00 UTC.</summary>
public sealed class PlainEntryParserTests
{
    private readonly EntryParser _parser = new(FixedTimeProvider.Midyear2024);

    [Theory]
    // log4j / logback / Spring Boot
    [InlineData("2024-01-02 15:04:05,123 ERROR [main] com.example.orders.OrderService - Payment declined", "2024-01-02T15:04:05.123Z", LogLevel.Error, "com.example.orders.OrderService", "main", "Payment declined")]
    [InlineData("2024-01-02 15:04:05.123 [worker-3] WARN  c.e.cache.CacheLoader - cache miss", "2024-01-02T15:04:05.123Z", LogLevel.Warn, "c.e.cache.CacheLoader", "worker-3", "cache miss")]
    [InlineData("15:04:05.123 [main] INFO  c.e.App - started in 2.1s", "2024-06-15T15:04:05.123Z", LogLevel.Info, "c.e.App", "main", "started in 2.1s")]
    [InlineData("2024-01-02 15:04:05,123 INFO  OrderService - order accepted", "2024-01-02T15:04:05.123Z", LogLevel.Info, "OrderService", null, "order accepted")]
    [InlineData("2024-01-02T15:04:05.123+02:00 ERROR 4242 --- [nio-8080-exec-1] o.s.web.DispatcherServlet  : Request failed", "2024-01-02T13:04:05.123Z", LogLevel.Error, "o.s.web.DispatcherServlet", "nio-8080-exec-1", "Request failed")]
    [InlineData("2024-01-02T15:04:05.123Z  WARN 4242 --- [orders] [           main] c.e.orders.Boot                          : Low disk", "2024-01-02T15:04:05.123Z", LogLevel.Warn, "c.e.orders.Boot", "main", "Low disk")]
    [InlineData("ERROR [main] com.example.App - failed to start", null, LogLevel.Error, "com.example.App", "main", "failed to start")]
    [InlineData("02-Jan-2024 15:04:05.123 SEVERE [main] org.example.Service.start Failed to start", "2024-01-02T15:04:05.123Z", LogLevel.Error, null, "main", "org.example.Service.start Failed to start")]
    [InlineData("2024-01-02 15:04:05 ERROR java.lang.IllegalStateException: bad state", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "java.lang.IllegalStateException: bad state")]
    [InlineData("2024-01-02 15:04:05,123 - WARN  [SyncThread:0:FileTxnLog@338] - fsync took 1200ms", "2024-01-02T15:04:05.123Z", LogLevel.Warn, null, "SyncThread:0:FileTxnLog@338", "fsync took 1200ms")]
    // Serilog
    [InlineData("[12:00:00 ERR] Unhandled exception in /orders", "2024-06-15T12:00:00Z", LogLevel.Error, null, null, "Unhandled exception in /orders")]
    [InlineData("[2024-01-02 15:04:05.123 +01:00 WRN] Slow query took 2300ms", "2024-01-02T14:04:05.123Z", LogLevel.Warn, null, null, "Slow query took 2300ms")]
    [InlineData("2024-01-02 15:04:05.123 +01:00 [INF] Listening on port 8080", "2024-01-02T14:04:05.123Z", LogLevel.Info, null, null, "Listening on port 8080")]
    [InlineData("[15:04:05 FTL] Host terminated", "2024-06-15T15:04:05Z", LogLevel.Fatal, null, null, "Host terminated")]
    // NLog
    [InlineData("2024-01-02 15:04:05.1234|ERROR|Shop.Checkout.Controller|Checkout failed for cart 7", "2024-01-02T15:04:05.1234Z", LogLevel.Error, "Shop.Checkout.Controller", null, "Checkout failed for cart 7")]
    [InlineData("2024-01-02 15:04:05.1234|Warn|Shop.Api|slow", "2024-01-02T15:04:05.1234Z", LogLevel.Warn, "Shop.Api", null, "slow")]
    // Python logging, Flask, uvicorn, celery, gunicorn, Airflow
    [InlineData("ERROR:root:Something broke", null, LogLevel.Error, "root", null, "Something broke")]
    [InlineData("WARNING:shop.payments:Retrying charge: attempt 2", null, LogLevel.Warn, "shop.payments", null, "Retrying charge: attempt 2")]
    [InlineData("2024-01-02 15:04:05,123 - shop.worker - ERROR - Job 12 failed", "2024-01-02T15:04:05.123Z", LogLevel.Error, "shop.worker", null, "Job 12 failed")]
    [InlineData("2024-01-02 15:04:05,123 - worker - INFO - done - all good", "2024-01-02T15:04:05.123Z", LogLevel.Info, "worker", null, "done - all good")]
    [InlineData("[2024-01-02 15:04:05,123] ERROR in app: Exception on /checkout [POST]", "2024-01-02T15:04:05.123Z", LogLevel.Error, "app", null, "Exception on /checkout [POST]")]
    [InlineData("ERROR:    Exception in ASGI application", null, LogLevel.Error, null, null, "Exception in ASGI application")]
    [InlineData("[2024-01-02 15:04:05,123: ERROR/ForkPoolWorker-2] Task shop.tasks.charge raised: ValueError('x')", "2024-01-02T15:04:05.123Z", LogLevel.Error, null, "ForkPoolWorker-2", "Task shop.tasks.charge raised: ValueError('x')")]
    [InlineData("[2024-01-02 15:04:05 +0000] [4242] [ERROR] Worker timeout (pid:4243)", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "Worker timeout (pid:4243)")]
    [InlineData("[2024-01-02T15:04:05.123+0000] {taskinstance.py:1234} ERROR - Task failed with exception", "2024-01-02T15:04:05.123Z", LogLevel.Error, "taskinstance.py:1234", null, "Task failed with exception")]
    [InlineData("ERROR 2024-01-02 15:04:05,123 views 4242 140 Internal Server Error: /cart", "2024-01-02T15:04:05.123Z", LogLevel.Error, null, null, "views 4242 140 Internal Server Error: /cart")]
    // Go: log, slog's default logger, logrus, zap, glog
    [InlineData("2024/01/02 15:04:05 listening on :8080", "2024-01-02T15:04:05Z", LogLevel.Unknown, null, null, "listening on :8080")]
    [InlineData("2024/01/02 15:04:05.123456 main.go:42: config missing", "2024-01-02T15:04:05.123456Z", LogLevel.Unknown, "main.go:42", null, "config missing")]
    [InlineData("2024/01/02 15:04:05 ERROR payment failed order=17", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "payment failed order=17")]
    [InlineData("ERRO[0003] payment declined                           order=17", null, LogLevel.Error, null, null, "payment declined                           order=17")]
    [InlineData("2024-01-02T15:04:05.123Z\tERROR\tshop/server.go:77\tcharge failed\t{\"order\": 17}", "2024-01-02T15:04:05.123Z", LogLevel.Error, "shop/server.go:77", null, "charge failed\t{\"order\": 17}")]
    [InlineData("E0102 15:04:05.123456    4242 server.go:87] request failed", "2024-01-02T15:04:05.123456Z", LogLevel.Error, "server.go:87", "4242", "request failed")]
    [InlineData("I0615 11:00:00.000001 1 main.go:12] ready", "2024-06-15T11:00:00.000001Z", LogLevel.Info, "main.go:12", "1", "ready")]
    // Microsoft.Extensions.Logging single-line, winston
    [InlineData("info: Microsoft.Hosting.Lifetime[14] Now listening on: http://localhost:5000", null, LogLevel.Info, "Microsoft.Hosting.Lifetime", null, "Now listening on: http://localhost:5000")]
    [InlineData("error: connection lost", null, LogLevel.Error, null, null, "connection lost")]
    [InlineData("2024-01-02T15:04:05.123Z fail: Shop.Api.Orders[7] Order lost", "2024-01-02T15:04:05.123Z", LogLevel.Error, "Shop.Api.Orders", null, "Order lost")]
    [InlineData("E, [2024-01-02T15:04:05.123456#123] ERROR -- : no space before the pid", "2024-01-02T15:04:05.123456Z", LogLevel.Error, null, null, "no space before the pid")]
    // Ruby, PHP, Monolog
    [InlineData("E, [2024-01-02T15:04:05.123456 #4242] ERROR -- : Boom in checkout", "2024-01-02T15:04:05.123456Z", LogLevel.Error, null, null, "Boom in checkout")]
    [InlineData("I, [2024-01-02T15:04:05.123456 #4242]  INFO -- shop: Started GET \"/\"", "2024-01-02T15:04:05.123456Z", LogLevel.Info, "shop", null, "Started GET \"/\"")]
    [InlineData("[02-Jan-2024 10:00:00 UTC] PHP Fatal error:  Uncaught Exception: boom in /srv/app/index.php:3", "2024-01-02T10:00:00Z", LogLevel.Fatal, null, null, "Uncaught Exception: boom in /srv/app/index.php:3")]
    [InlineData("[02-Jan-2024 10:00:00 Europe/Berlin] PHP Warning:  Undefined variable $x in /srv/a.php on line 4", "2024-01-02T09:00:00Z", LogLevel.Warn, null, null, "Undefined variable $x in /srv/a.php on line 4")]
    [InlineData("PHP Parse error:  syntax error, unexpected '}' in /srv/b.php on line 9", null, LogLevel.Fatal, null, null, "syntax error, unexpected '}' in /srv/b.php on line 9")]
    [InlineData("[2024-01-02T15:04:05.123456+00:00] app.ERROR: Payment failed {\"order\":17} []", "2024-01-02T15:04:05.123456Z", LogLevel.Error, "app", null, "Payment failed {\"order\":17} []")]
    // java.util.logging, CLF, epoch, Apache, logcat, HDFS, Spark, other date orders
    [InlineData("Jul 09, 2015 3:23:29 PM com.example.Feeder: RuntimeException: feed broken", "2015-07-09T15:23:29Z", LogLevel.Unknown, "com.example.Feeder", null, "RuntimeException: feed broken")]
    [InlineData("Jul 9, 2015 12:05:00 AM org.example.Server start", "2015-07-09T00:05:00Z", LogLevel.Unknown, null, null, "org.example.Server start")]
    [InlineData("10/Oct/2023:13:55:36 -0700 GET /index.html 200", "2023-10-10T20:55:36Z", LogLevel.Unknown, null, null, "GET /index.html 200")]
    [InlineData("1704207845 INFO worker started", "2024-01-02T15:04:05Z", LogLevel.Info, null, null, "worker started")]
    [InlineData("1704207845123 ERROR boom", "2024-01-02T15:04:05.123Z", LogLevel.Error, null, null, "boom")]
    [InlineData("1704207845.5 WARN half", "2024-01-02T15:04:05.5Z", LogLevel.Warn, null, null, "half")]
    [InlineData("[Tue Jan 02 15:04:05 2024] [error] [client 10.0.0.1] File does not exist: /var/www/x", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "[client 10.0.0.1] File does not exist: /var/www/x")]
    [InlineData("[Tue Jan 02 15:04:05.123456 2024] [core:error] [pid 42:tid 7] AH00037: Symbolic link not allowed", "2024-01-02T15:04:05.123456Z", LogLevel.Error, null, null, "[pid 42:tid 7] AH00037: Symbolic link not allowed")]
    [InlineData("01-02 15:04:05.123  1234  5678 E ShopActivity: crash on resume", "2024-01-02T15:04:05.123Z", LogLevel.Error, "ShopActivity", null, "crash on resume")]
    [InlineData("240102 150405 42 INFO dfs.DataNode: Receiving block blk_1", "2024-01-02T15:04:05Z", LogLevel.Info, "dfs.DataNode", null, "Receiving block blk_1")]
    [InlineData("24/01/02 15:04:05 WARN scheduler.TaskSetManager: Lost task 1.0", "2024-01-02T15:04:05Z", LogLevel.Warn, "scheduler.TaskSetManager", null, "Lost task 1.0")]
    [InlineData("2024.01.02 15:04:05 INFO ok", "2024-01-02T15:04:05Z", LogLevel.Info, null, null, "ok")]
    [InlineData("02.01.2024 15:04:05 ERROR x", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "x")]
    [InlineData("01/02/2024 15:04:05 ERROR x", "2024-01-02T15:04:05Z", LogLevel.Error, null, null, "x")]
    [InlineData("2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack", "2016-09-28T04:30:30Z", LogLevel.Info, "CBS", null, "Loaded Servicing Stack")]
    // level first, bracketed
    [InlineData("[WARN] disk almost full", null, LogLevel.Warn, null, null, "disk almost full")]
    [InlineData("WARNING: low memory", null, LogLevel.Warn, null, null, "low memory")]
    [InlineData("CRITICAL - cooling failed", null, LogLevel.Fatal, null, null, "cooling failed")]
    public void HeaderFieldsAreRead(string line, string? timestamp, LogLevel level, string? logger, string? thread, string message)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Equal(timestamp is null ? null : DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture), entry.Timestamp);
        Assert.Equal(level, entry.Level);
        Assert.Equal(logger, entry.Logger);
        Assert.Equal(thread, entry.Thread);
        Assert.Equal(message, entry.Message);
        Assert.True(HeaderDetector.IsEntryStart(line), "the framer must start an entry at this header");
    }

    [Theory]
    [InlineData("just some text")]
    [InlineData("[WEBSITE] The application is listening on port 8000.")]
    [InlineData("   indented continuation")]
    [InlineData("Error: this is a JavaScript error line")]
    public void LinesWithoutHeaderAreTheirOwnMessage(string line)
    {
        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Null(entry.Timestamp);
        Assert.Equal(LogLevel.Unknown, entry.Level);
        Assert.Equal(line, entry.Message);
        Assert.Equal("unstructured", entry.Format);
    }

    [Fact]
    public void MelMessageIsTheNextIndentedLine()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "fail: Shop.Api.OrdersController[1001]",
            "      Order 17 could not be saved",
            "System.InvalidOperationException: The order is closed.",
            "   at Shop.Api.OrdersController.Save() in /src/Shop.Api/OrdersController.cs:line 42"));

        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Shop.Api.OrdersController", entry.Logger);
        Assert.Equal("1001", entry.Attributes["event_id"]);
        Assert.Equal(
            "Order 17 could not be saved\nSystem.InvalidOperationException: The order is closed.\n   at Shop.Api.OrdersController.Save() in /src/Shop.Api/OrdersController.cs:line 42",
            entry.Message);
    }

    [Fact]
    public void MessageKeepsContinuationLines()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "2024-01-02 15:04:05,123 ERROR [main] com.example.App - Startup failed   ",
            "java.lang.IllegalStateException: no config",
            "\tat com.example.App.main(App.java:12)"));

        Assert.Equal("Startup failed\njava.lang.IllegalStateException: no config\n\tat com.example.App.main(App.java:12)", entry.Message);
        Assert.Equal("plain", entry.Format);
    }

    [Fact]
    public void WholeLineMessageIsNotCopied()
    {
        const string line = "no header on this line";

        var entry = _parser.Parse(RawEntries.Of(line));

        Assert.Same(line, entry.Message);
    }

    [Fact]
    public void SyslogLineWithoutPriorityReadsHostAndTag()
    {
        var entry = _parser.Parse(RawEntries.Of("Jan  2 15:04:05 web-1 sshd[4242]: Accepted publickey for deploy"));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal("sshd", entry.Service);
        Assert.Equal("web-1", entry.Attributes["host"]);
        Assert.Equal("4242", entry.Attributes["pid"]);
        Assert.Equal("Accepted publickey for deploy", entry.Message);
        Assert.Equal("syslog", entry.Format);
    }

    [Fact]
    public void SyslogMessageMayCarryTheAppsOwnHeader()
    {
        var entry = _parser.Parse(RawEntries.Of("Jan  2 15:04:05 web-1 shop[7]: 2024-01-02 15:04:05,120 ERROR [main] com.shop.Cart - Cart lost"));

        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("com.shop.Cart", entry.Logger);
        Assert.Equal("main", entry.Thread);
        Assert.Equal("shop", entry.Service);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 15, 4, 5, 120, TimeSpan.Zero), entry.Timestamp);
        Assert.Equal("Cart lost", entry.Message);
    }

    [Fact]
    public void YearlessTimestampInTheFutureBelongsToLastYear()
    {
        var entry = _parser.Parse(RawEntries.Of("Dec 31 23:59:59 web-1 cron[1]: tick"));

        Assert.Equal(new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.Zero), entry.Timestamp);
    }

    [Fact]
    public void KeyValuePairsInTheMessageBecomeAttributes()
    {
        var entry = _parser.Parse(RawEntries.Of(
            "2024-01-02 15:04:05,123 ERROR [main] c.e.Pay - charge failed order_id=A17 amount=12.50 reason=\"card \\\"expired\\\"\" trace_id=4bf92f35 env=prod url=https://x.test/a?b=c"));

        Assert.Equal("A17", entry.Attributes["order_id"]);
        Assert.Equal("12.50", entry.Attributes["amount"]);
        Assert.Equal("card \"expired\"", entry.Attributes["reason"]);
        Assert.Equal("https://x.test/a?b=c", entry.Attributes["url"]);
        Assert.False(entry.Attributes.ContainsKey("b"));
        Assert.Equal("4bf92f35", entry.TraceId);
        Assert.Equal("prod", entry.Environment);
    }
}
