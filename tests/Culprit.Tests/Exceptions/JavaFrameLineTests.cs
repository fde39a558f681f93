using Culprit.Exceptions.Java;

namespace Culprit.Tests.Exceptions;

public sealed class JavaFrameLineTests
{
    [Theory]
    [InlineData("\tat com.acme.billing.Invoice.total(Invoice.java:42)", "com.acme.billing.Invoice", "total", "Invoice.java", 42)]
    [InlineData("    at com.acme.billing.Invoice$Line.<init>(Invoice.java:17)", "com.acme.billing.Invoice$Line", "<init>", "Invoice.java", 17)]
    [InlineData("\tat java.base/java.lang.Thread.run(Thread.java:1583)", "java.lang.Thread", "run", "Thread.java", 1583)]
    [InlineData("\tat app//com.acme.Main.lambda$main$0(Main.java:9)", "com.acme.Main", "lambda$main$0", "Main.java", 9)]
    [InlineData("\tat com.acme.mod@2.1.0/com.acme.Api.call(Api.java:3)", "com.acme.Api", "call", "Api.java", 3)]
    [InlineData("\tat jdk.proxy2/jdk.proxy2.$Proxy71.find(Unknown Source)", "jdk.proxy2.$Proxy71", "find", null, null)]
    [InlineData("\tat jdk.internal.reflect.DirectMethodHandleAccessor.invoke0(Native Method)", "jdk.internal.reflect.DirectMethodHandleAccessor", "invoke0", null, null)]
    [InlineData("\tat com.acme.db.Pool$Proxy.get(Pool.java) ~[acme-db-1.2.jar:na]", "com.acme.db.Pool$Proxy", "get", "Pool.java", null)]
    [InlineData("\tat com.acme.web.Router.route(Router.java:88) [acme-web-3.0.jar:3.0]", "com.acme.web.Router", "route", "Router.java", 88)]
    [InlineData("\tat com.acme.Worker$$Lambda/0x0000000801234.run(Unknown Source)", "com.acme.Worker$$Lambda/0x0000000801234", "run", null, null)]
    [InlineData("\tat com.acme.Service$$SpringCGLIB$$0.save(<generated>)", "com.acme.Service$$SpringCGLIB$$0", "save", "<generated>", null)]
    [InlineData("\tat a.b.c(SourceFile:7)", "a.b", "c", "SourceFile", 7)]
    [InlineData("\tat com.acme.AppKt.main(App.kt:5)", "com.acme.AppKt", "main", "App.kt", 5)]
    [InlineData("\tat com.acme.Job$$anonfun$run$1.apply$mcV$sp(Job.scala:31)", "com.acme.Job$$anonfun$run$1", "apply$mcV$sp", "Job.scala", 31)]
    [InlineData("at Main.main(Main.java:3)", "Main", "main", "Main.java", 3)]
    [InlineData("\tat r8.a.b(Unknown Source:12)", "r8.a", "b", null, 12)]
    public void ReadsJvmFrames(string line, string module, string function, string? file, int? lineNumber)
    {
        Assert.True(JavaFrameLine.TryParse(line, out var frame));
        Assert.Equal(module, frame.Module);
        Assert.Equal(function, frame.Function);
        Assert.Equal(file, frame.File);
        Assert.Equal(lineNumber, frame.Line);
        Assert.Null(frame.Column);
        Assert.Equal(line, frame.Raw);
    }

    [Theory]
    [InlineData("   at Acme.Orders.OrderService.Place(Order order) in /src/Acme/OrderService.cs:line 42")]
    [InlineData("   at Acme.Orders.OrderService.Place()")]
    [InlineData("   at Acme.Orders.OrderService.Place(Int32)")]
    [InlineData("   at Acme.Orders.OrderService.Place(Int32 count, String name)")]
    [InlineData("  at Acme.Orders.OrderService.Place (System.String name) [0x00012] in <filename unknown>:0")]
    [InlineData("    at placeOrder (/app/src/orders.js:10:5)")]
    [InlineData("    at Object.<anonymous> (/app/src/index.js:1:1)")]
    [InlineData("    at /app/src/orders.js:10:5")]
    [InlineData("    at async Promise.all (index 0)")]
    [InlineData("    at Orders.place(orders.js:10:5)")]
    [InlineData("\tat com.acme.Invoice.total(Invoice.java:42) in the billing job")]
    [InlineData("\tat total(Invoice.java:42)")]
    [InlineData("\tat com.acme.Invoice.total(Invoice.java:)")]
    [InlineData("\tat com.acme.Invoice.total(Invoice.java:forty)")]
    [InlineData("\tat com.acme.Invoice.total(Invoice.java:42")]
    [InlineData("\tat com.acme.Invoice.(Invoice.java:42)")]
    [InlineData("\tat 1com.acme.Invoice.total(Invoice.java:42)")]
    [InlineData("\tat")]
    [InlineData("")]
    [InlineData("at the end of the day(ish)")]
    public void RejectsWhatIsNotAJvmFrame(string line) => Assert.False(JavaFrameLine.TryParse(line, out _));

    [Theory]
    [InlineData("\t... 12 more", "Omitted", 12)]
    [InlineData("    ... 3 common frames omitted", "Omitted", 3)]
    [InlineData("\t... 4 frames excluded", "Omitted", 4)]
    [InlineData("\t... twelve more", "Other", 0)]
    [InlineData("... and more", "Other", 0)]
    [InlineData("Caused by: java.io.IOException: closed", "CausedBy", 0)]
    [InlineData("\tSuppressed: java.io.IOException: closed", "Suppressed", 0)]
    [InlineData("\t[CIRCULAR REFERENCE: java.io.IOException: closed]", "CircularReference", 0)]
    [InlineData("   at Acme.Orders.OrderService.Place() in /src/OrderService.cs:line 4", "ForeignFrame", 0)]
    [InlineData("  ", "Blank", 0)]
    [InlineData("Caused by nothing at all", "Other", 0)]
    public void ClassifiesBodyLines(string line, string kind, int omitted)
    {
        var read = JavaBodyLine.Read(line);
        Assert.Equal(Enum.Parse<JavaLineKind>(kind), read.Kind);
        Assert.Equal(omitted, read.Omitted);
    }
}
