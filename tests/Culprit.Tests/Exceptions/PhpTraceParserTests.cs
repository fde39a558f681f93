using Culprit.Exceptions;
using Culprit.Model;
using static Culprit.Tests.Exceptions.ForeignTraceSamples;

namespace Culprit.Tests.Exceptions;

public sealed class PhpTraceParserTests
{
    private readonly PhpTraceParser _parser = new();

    [Fact]
    public void UncaughtHeaderGivesTypeMessageLocationFramesAndEndsAtThrownIn()
    {
        var match = Parse("""
            [01-May-2024 10:00:00 UTC] PHP Fatal error:  Uncaught App\Billing\ChargeFailed: card declined in /srv/app/src/Billing/Gateway.php:51
            Stack trace:
            #0 /srv/app/src/Billing/Invoice.php(30): App\Billing\Gateway->charge(Object(App\Billing\Card), 1999)
            #1 /srv/app/src/Billing/Invoice.php(12): App\Billing\Invoice::settle('inv-1')
            #2 /srv/app/public/index.php(8): settle_all()
            #3 {main}
              thrown in /srv/app/src/Billing/Gateway.php on line 51
            [01-May-2024 10:00:01 UTC] PHP Notice:  something else
            """);

        var e = match.Exception;
        Assert.Equal(@"App\Billing\ChargeFailed", e.Type);
        Assert.Equal("card declined", e.Message);
        Assert.Equal(new SourceLocation("/srv/app/src/Billing/Gateway.php", 51), e.Location);
        Assert.Equal(4, e.Frames.Count);
        AssertFrame(e.Frames[0], "charge", @"App\Billing\Gateway", "/srv/app/src/Billing/Invoice.php", 30);
        AssertFrame(e.Frames[1], "settle", @"App\Billing\Invoice", "/srv/app/src/Billing/Invoice.php", 12);
        AssertFrame(e.Frames[2], "settle_all", null, "/srv/app/public/index.php", 8);
        AssertFrame(e.Frames[3], "{main}", null, null, null);
        Assert.Equal((0, 6), (match.FirstIndex, match.LastIndex));
    }

    [Fact]
    public void OnLineLocationsAndEmptyMessagesAreRead()
    {
        var e = Parse("Fatal error: Uncaught LogicException in /var/www/a.php on line 9\n").Exception;

        Assert.Equal("LogicException", e.Type);
        Assert.Equal("", e.Message);
        Assert.Equal(new SourceLocation("/var/www/a.php", 9), e.Location);
    }

    [Fact]
    public void TheLastInSeparatesTheThrowSiteFromTheMessage()
    {
        var e = Parse("""
            PHP Fatal error:  Uncaught TypeError: total(): Argument #1 ($n) must be of type int, string given, called in /app/a.php on line 5 and defined in /app/lib.php:2
            Stack trace:
            #0 /app/a.php(5): total('x')
            #1 {main}
              thrown in /app/lib.php on line 2
            """).Exception;

        Assert.Equal("total(): Argument #1 ($n) must be of type int, string given, called in /app/a.php on line 5 and defined", e.Message);
        Assert.Equal(new SourceLocation("/app/lib.php", 2), e.Location);
    }

    [Fact]
    public void MultiLineMessagesEndAtTheLineBeforeTheStackTrace()
    {
        var match = Parse("""
            PHP Fatal error:  Uncaught PDOException: SQLSTATE[42000]: Syntax error
            near 'FORM users' at line 1 in /app/db.php:14
            Stack trace:
            #0 /app/db.php(14): PDO->query('SELECT * FORM u...')
            #1 {main}
              thrown in /app/db.php on line 14
            """);

        var e = match.Exception;
        Assert.Equal("SQLSTATE[42000]: Syntax error", e.Message);
        Assert.Equal(new[] { "near 'FORM users' at line 1" }, e.MessageContinuation);
        Assert.Equal(new SourceLocation("/app/db.php", 14), e.Location);
        AssertFrame(e.Frames[0], "query", "PDO", "/app/db.php", 14);
        Assert.Equal(5, match.LastIndex);
    }

    [Fact]
    public void NextChainsMakeTheLastPrintedExceptionTheTopLevel()
    {
        var match = Parse("""
            PHP Fatal error:  Uncaught InvalidArgumentException: bad id in /app/repo.php:3
            Stack trace:
            #0 /app/service.php(9): find('x')
            #1 {main}

            Next RuntimeException: lookup failed in /app/service.php:11
            Stack trace:
            #0 {main}
              thrown in /app/service.php on line 11
            """);

        var e = match.Exception;
        Assert.Equal("RuntimeException", e.Type);
        Assert.Equal(new SourceLocation("/app/service.php", 11), e.Location);
        Assert.Single(e.Frames);
        var cause = Assert.Single(e.Causes);
        Assert.Equal("InvalidArgumentException", cause.Type);
        Assert.Equal(ExceptionRelation.Cause, cause.Relation);
        Assert.Equal(2, cause.Frames.Count);
        Assert.Equal(8, match.LastIndex);
    }

    [Fact]
    public void Php5FormReadsQuotedTypeAndMessage()
    {
        var match = Parse("""
            exception 'UnexpectedValueException' with message 'it's empty' in /home/dev/site/run.php:21
            Stack trace:
            #0 /home/dev/site/run.php(30): check(NULL)
            #1 {main}
            """);

        var e = match.Exception;
        Assert.Equal("UnexpectedValueException", e.Type);
        Assert.Equal("it's empty", e.Message);
        Assert.Equal(new SourceLocation("/home/dev/site/run.php", 21), e.Location);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal(3, match.LastIndex);
    }

    [Fact]
    public void Php5OneLineToStringIsAnException()
    {
        var match = Parse("2024-05-01 12:00:00 app: exception 'Exception' with message 'no frames' in /app/x.php:4\n");

        Assert.Equal("no frames", match.Exception.Message);
        Assert.Empty(match.Exception.Frames);
        Assert.Equal(0, match.LastIndex);
    }

    [Fact]
    public void PlainToStringNeedsAStackTraceAfterIt()
    {
        var match = Parse("""
            [2024-05-01 12:00:00] app.ERROR: DomainException: quota exceeded in /app/Quota.php:40
            Stack trace:
            #0 /app/Api.php(7): Quota->take()
            #1 {main}
            """);

        Assert.Equal("DomainException", match.Exception.Type);
        Assert.Equal("quota exceeded", match.Exception.Message);
        Assert.False(_parser.TryParse(Lines("app.ERROR: DomainException: quota exceeded in /app/Quota.php:40\nnext line\n"), 0, out _));
    }

    [Fact]
    public void MonologContextIsUnescapedAndPreviousExceptionsAreCauses()
    {
        var match = Parse("""
            [2024-05-01 12:00:00] production.ERROR: Query failed {"exception":"[object] (Illuminate\\Database\\QueryException(code: 42S02): Table \"x\" missing at /var/www/vendor/laravel/Connection.php:712)
            [stacktrace]
            #0 /var/www/app/Repo.php(20): Illuminate\\Database\\Connection->select('select * from x')
            #1 {main}

            [previous exception] [object] (PDOException(code: 42S02): Table missing at /var/www/vendor/laravel/Connection.php:368)
            [stacktrace]
            #0 {main}
            "}
            """);

        var e = match.Exception;
        Assert.Equal(@"Illuminate\Database\QueryException", e.Type);
        Assert.Equal("Table \"x\" missing", e.Message);
        Assert.Equal(new SourceLocation("/var/www/vendor/laravel/Connection.php", 712), e.Location);
        AssertFrame(e.Frames[0], "select", @"Illuminate\Database\Connection", "/var/www/app/Repo.php", 20);
        var cause = Assert.Single(e.Causes);
        Assert.Equal("PDOException", cause.Type);
        Assert.Equal(7, match.LastIndex);
    }

    [Fact]
    public void OneLineMonologRecordIsSplitAtItsEscapedLineBreaks()
    {
        const string Line = """
            [2024-05-01T10:00:00+00:00] request.CRITICAL: Uncaught PHP Exception App\Error: "x" at /app/a.php line 3 {"exception":"[object] (App\\Error(code: 0): x at C:\\new\\a.php:3)\n[stacktrace]\n#0 C:\\new\\b.php(9): App\\run()\n#1 {main}\n[previous exception] [object] (LogicException(code: 0): root at C:\\new\\c.php:1)\n"} []
            """;

        var match = Parse(Line + "\nnext record\n");

        var e = match.Exception;
        Assert.Equal(@"App\Error", e.Type);
        Assert.Equal(new SourceLocation(@"C:\new\a.php", 3), e.Location);
        Assert.Equal(2, e.Frames.Count);
        AssertFrame(e.Frames[0], @"App\run", null, @"C:\new\b.php", 9);
        Assert.Equal("LogicException", Assert.Single(e.Causes).Type);
        Assert.Equal((0, 0), (match.FirstIndex, match.LastIndex));
    }

    [Theory]
    [InlineData("Uncaught TypeError: x is not a function\n    at go (app.js:1:2)\n")]
    [InlineData("Uncaught Error: failed in module:3\n    at go (app.js:1:2)\n")]
    [InlineData("PHP Warning:  Undefined variable $x in /app/a.php on line 3\n")]
    [InlineData("PHP Fatal error:  Allowed memory size exhausted in /app/a.php on line 12\n")]
    [InlineData("exception 'Exception' with message 'no location'\n")]
    [InlineData("Stack trace:\n#0 {main}\n")]
    [InlineData("Uncaught exception while processing request\n")]
    public void LinesThatAreNotPhpHeadersAreRejected(string text)
    {
        Assert.False(_parser.TryParse(Lines(text), 0, out _));
    }

    [Theory]
    [InlineData("#0 /app/a.php(3): foo()", "foo", null, "/app/a.php", 3)]
    [InlineData("#1 /app/a.php(3): Foo->bar('a): b', 2)", "bar", "Foo", "/app/a.php", 3)]
    [InlineData("#2 [internal function]: App\\Jobs\\Run::{closure}(Array)", "{closure}", "App\\Jobs\\Run", null, null)]
    [InlineData("#3 /app/a.php(12) : eval()'d code(4): run()", "run", null, "/app/a.php(12) : eval()'d code", 4)]
    [InlineData("#4 C:\\xampp\\htdocs\\a.php(9): App\\helper()", "App\\helper", null, "C:\\xampp\\htdocs\\a.php", 9)]
    [InlineData("#5 /app/a.php(7): {closure:App\\Foo::bar():12}()", "{closure:App\\Foo::bar():12}", null, "/app/a.php", 7)]
    [InlineData("#6 /app/a.php(7): App\\Foo->{closure:App\\Foo::bar():12}()", "{closure:App\\Foo::bar():12}", "App\\Foo", "/app/a.php", 7)]
    [InlineData("#7 {main}", "{main}", null, null, null)]
    [InlineData("#8 /app/a.php(5): Foo::bar(", "bar", "Foo", "/app/a.php", 5)]
    public void FrameLinesGiveModuleFunctionFileAndLine(string line, string? function, string? module, string? file, int? number)
    {
        Assert.True(PhpFrameLine.TryParse(line, unescape: false, out var frame));
        AssertFrame(frame, function, module, file, number);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("#0")]
    [InlineData("#a /app/a.php(3): foo()")]
    [InlineData("# 0 /app/a.php(3): foo()")]
    [InlineData("0 /app/a.php(3): foo()")]
    public void OtherLinesAreNotFrames(string line)
    {
        Assert.False(PhpFrameLine.TryParse(line, unescape: false, out _));
    }

    [Theory]
    [MemberData(nameof(ForeignTraceSamples.All), MemberType = typeof(ForeignTraceSamples))]
    public void OtherRuntimesTracesAreNotClaimed(string text)
    {
        Assert.Equal(-1, FirstClaim(_parser, text));
    }

    [Fact]
    public void TruncatedTracesNeverThrow()
    {
        ParseEveryTruncation(_parser, """
            PHP Fatal error:  Uncaught Exception: a
            b in /a.php:3
            Stack trace:
            #0 /a.php(3): A->b({closure:x():1}
            #1 {main}

            Next exception 'E' with message 'm' in /a.php on line 4
            Stack trace:
            #0 [internal function]: x()
              thrown in /a.php on line 4
            x: [object] (E(code: 0): m at /a.php:1)
            [stacktrace]
            #0 {main}
            """);
    }

    private TraceMatch Parse(string text)
    {
        Assert.True(_parser.TryParse(Lines(text), 0, out var match));
        return match;
    }

    private static void AssertFrame(Frame frame, string? function, string? module, string? file, int? line)
    {
        Assert.Equal((function, module, file, line), (frame.Function, frame.Module, frame.File, frame.Line));
        Assert.Null(frame.Column);
    }
}
