using Culprit.Exceptions;
using Culprit.Model;
using static Culprit.Tests.Exceptions.ForeignTraceSamples;

namespace Culprit.Tests.Exceptions;

public sealed class RubyTraceParserTests
{
    private readonly RubyTraceParser _parser = new();

    [Fact]
    public void UncaughtHeaderIsAlsoTheFirstFrame()
    {
        var match = Parse(
            "/srv/shop/lib/cart.rb:14:in `block in total': undefined method `price' for nil:NilClass (NoMethodError)\n"
            + "\tfrom /srv/shop/lib/cart.rb:13:in `each'\n"
            + "\tfrom /srv/shop/bin/shop:5:in `<main>'\n"
            + "exit 1\n");

        var e = match.Exception;
        Assert.Equal("NoMethodError", e.Type);
        Assert.Equal("undefined method `price' for nil:NilClass", e.Message);
        Assert.Equal(3, e.Frames.Count);
        AssertFrame(e.Frames[0], "block in total", null, "/srv/shop/lib/cart.rb", 14);
        AssertFrame(e.Frames[1], "each", null, "/srv/shop/lib/cart.rb", 13);
        AssertFrame(e.Frames[2], "<main>", null, "/srv/shop/bin/shop", 5);
        Assert.Null(e.Location);
        Assert.Equal((0, 2), (match.FirstIndex, match.LastIndex));
    }

    [Fact]
    public void Ruby34QuotesAndClassQualifiedLabelsAreRead()
    {
        var e = Parse("""
            /app/lib/worker.rb:12:in 'Worker#run': undefined method 'size' for nil (NoMethodError)
                from /app/lib/worker.rb:30:in 'block (2 levels) in Worker.start'
                from <internal:kernel>:187:in 'Kernel#loop'
            """).Exception;

        Assert.Equal("undefined method 'size' for nil", e.Message);
        AssertFrame(e.Frames[0], "Worker#run", null, "/app/lib/worker.rb", 12);
        AssertFrame(e.Frames[1], "block (2 levels) in Worker.start", null, "/app/lib/worker.rb", 30);
        AssertFrame(e.Frames[2], "Kernel#loop", null, "<internal:kernel>", 187);
    }

    [Fact]
    public void FurtherMessageLinesBeforeTheFromLinesContinueTheMessage()
    {
        var match = Parse("""
            app.rb:3:in '<main>': first line (ArgumentError)
            second line
                from app.rb:1:in 'load'
            """);

        Assert.Equal("first line", match.Exception.Message);
        Assert.Equal(new[] { "second line" }, match.Exception.MessageContinuation);
        Assert.Equal(2, match.Exception.Frames.Count);
        Assert.Equal(2, match.LastIndex);
    }

    [Fact]
    public void ACauseHeaderRightAfterTheFramesIsTheCause()
    {
        var match = Parse("""
            app.rb:4:in 'rescue in fetch': lookup failed (KeyError)
                from app.rb:1:in 'fetch'
            app.rb:2:in 'fetch': connection refused (Errno::ECONNREFUSED)
                from app.rb:9:in '<main>'
            """);

        var e = match.Exception;
        Assert.Equal("KeyError", e.Type);
        var cause = Assert.Single(e.Causes);
        Assert.Equal("Errno::ECONNREFUSED", cause.Type);
        Assert.Equal(ExceptionRelation.Cause, cause.Relation);
        Assert.Equal(2, cause.Frames.Count);
        Assert.Equal(3, match.LastIndex);
    }

    [Fact]
    public void LevelsMarkersCountOmittedFrames()
    {
        var e = Parse("""
            deep.rb:2:in 'recurse': stack level too deep (SystemStackError)
                from deep.rb:2:in 'recurse'
                 ... 10061 levels...
                from deep.rb:5:in '<main>'
            """).Exception;

        Assert.Equal(10061, e.FramesOmitted);
        Assert.Equal(3, e.Frames.Count);
    }

    [Fact]
    public void LogPrefixBeforeTheHeaderIsNotPartOfTheFile()
    {
        var e = Parse("E, [2024-05-01T10:00:00.123 #42] ERROR -- : /app/job.rb:7:in 'perform': boom (RuntimeError)\n").Exception;

        Assert.Equal("RuntimeError", e.Type);
        AssertFrame(Assert.Single(e.Frames), "perform", null, "/app/job.rb", 7);
    }

    [Fact]
    public void RailsLogFormGivesGemFramesAModule()
    {
        var match = Parse("""
            ActiveRecord::RecordNotFound (Couldn't find User with 'id'=7):

              app/controllers/users_controller.rb:9:in `show'
              actionpack (7.1.3) lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'
              rack (3.0.9) lib/rack/tempfile_reaper.rb:20:in 'call'

            Started GET "/users/8"
            """);

        var e = match.Exception;
        Assert.Equal("ActiveRecord::RecordNotFound", e.Type);
        Assert.Equal("Couldn't find User with 'id'=7", e.Message);
        AssertFrame(e.Frames[0], "show", null, "app/controllers/users_controller.rb", 9);
        AssertFrame(e.Frames[1], "send_action", "actionpack (7.1.3)", "lib/action_controller/metal/basic_implicit_render.rb", 6);
        AssertFrame(e.Frames[2], "call", "rack (3.0.9)", "lib/rack/tempfile_reaper.rb", 20);
        Assert.Equal(4, match.LastIndex);
    }

    [Fact]
    public void RailsMessagesMaySpanLinesUpToTheClosingParenthesis()
    {
        var match = Parse("""
            ActiveRecord::StatementInvalid (PG::UndefinedTable: ERROR:  relation "carts" does not exist
            LINE 1: SELECT "carts".* FROM "carts"
                                          ^
            ):
              app/models/cart.rb:3:in 'open'
            """);

        var e = match.Exception;
        Assert.Equal("PG::UndefinedTable: ERROR:  relation \"carts\" does not exist", e.Message);
        Assert.Equal(2, e.MessageContinuation.Count);
        AssertFrame(Assert.Single(e.Frames), "open", null, "app/models/cart.rb", 3);
        Assert.Equal(4, match.LastIndex);
    }

    [Fact]
    public void RailsTemplateExcerptAndRepeatedTagsAreSkipped()
    {
        var e = Parse("""
            [req-7f3a] ActionView::Template::Error (undefined method `name' for nil):
            [req-7f3a]     1: <h1><%= @user.name %></h1>
            [req-7f3a]     2:
            [req-7f3a]   app/views/users/show.html.erb:1:in `_app_views_users_show_html_erb'
            """).Exception;

        Assert.Equal("ActionView::Template::Error", e.Type);
        AssertFrame(Assert.Single(e.Frames), "_app_views_users_show_html_erb", null, "app/views/users/show.html.erb", 1);
    }

    [Fact]
    public void RailsCausesListBecomesTheCauses()
    {
        var match = Parse("""
            ActionView::Template::Error (boom):

            Causes:
            ArgumentError (bad value)
            Errno::ENOENT (No such file or directory)
                1: <%= render @items %>

            app/views/items/index.html.erb:1:in 'render'
            """);

        var e = match.Exception;
        Assert.Equal(new[] { "ArgumentError", "Errno::ENOENT" }, e.Causes.Select(c => c.Type));
        Assert.Equal("No such file or directory", e.Causes[1].Message);
        Assert.All(e.Causes, c => Assert.Equal(ExceptionRelation.Cause, c.Relation));
        Assert.Single(e.Frames);
        Assert.Equal(7, match.LastIndex);
    }

    [Fact]
    public void LoggerFormNeedsBareFramesAfterIt()
    {
        var match = Parse("""
            2024-05-01 10:00:00 WARN: Sidekiq::Shutdown: job interrupted
            /app/jobs/import_job.rb:22:in 'ImportJob#perform'
            /gems/sidekiq-7.2.0/lib/sidekiq/processor.rb:202:in 'execute_job'
            done
            """);

        var e = match.Exception;
        Assert.Equal("Sidekiq::Shutdown", e.Type);
        Assert.Equal("job interrupted", e.Message);
        Assert.Equal(2, e.Frames.Count);
        Assert.Equal(2, match.LastIndex);
    }

    [Theory]
    [InlineData("app.rb:3:in '<main>': unhandled exception\n    from x.rb:1:in 'y'\n")]
    [InlineData("app.rb:3:in '<main>': message (not a type)\n")]
    [InlineData("Completed 500 Internal Server Error in 12ms (Views: 1.0ms):\nnext line\n")]
    [InlineData("NoMethodError (undefined method):\nnot a frame\n")]
    [InlineData("RuntimeError: boom\n    at foo (x.js:1:2)\n")]
    [InlineData("ERROR: relation missing\napp/x.rb:3\n")]
    [InlineData("  app/controllers/users_controller.rb:9:in `show'\n")]
    public void LinesThatAreNotRubyHeadersAreRejected(string text)
    {
        Assert.False(_parser.TryParse(Lines(text), 0, out _));
    }

    [Theory]
    [InlineData("lib/a.rb:3:in `call'", "call", null, "lib/a.rb", 3)]
    [InlineData("lib/a.rb:3:in 'Foo::Bar#call'", "Foo::Bar#call", null, "lib/a.rb", 3)]
    [InlineData("C:/Ruby33/lib/a.rb:40:in `<top (required)>'", "<top (required)>", null, "C:/Ruby33/lib/a.rb", 40)]
    [InlineData("railties (7.0.8) lib/rails/engine.rb:530:in `call'", "call", "railties (7.0.8)", "lib/rails/engine.rb", 530)]
    [InlineData("/home/dev/my app (copy)/a.rb:2:in 'x'", "x", null, "/home/dev/my app (copy)/a.rb", 2)]
    public void FrameLinesGiveFunctionFileLineAndGemModule(string line, string function, string? module, string file, int number)
    {
        Assert.True(RubyFrameLine.TryParse(line, line, labelOptional: false, out var frame));
        AssertFrame(frame, function, module, file, number);
    }

    [Theory]
    [InlineData("lib/a.rb:3")]
    [InlineData("lib/a.rb:x:in `call'")]
    [InlineData("lib/a.rb:3:in `call' extra")]
    [InlineData("lib/a.rb:3:in call")]
    [InlineData(":3:in `call'")]
    public void OtherLinesAreNotFrames(string line)
    {
        Assert.False(RubyFrameLine.TryParse(line, line, labelOptional: false, out _));
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
            x.rb:1:in `a': m (E)
            more
                from x.rb:2:in 'b'
                 ... 3 levels...
            y.rb:1:in 'c': n (F::G)
            Foo::BarError (multi
            ):
              gem (1.0) x.rb:3:in 'd'
            E: m
            x.rb:1:in 'e'
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
