using Culprit.Parsing.Templates;

namespace Culprit.Tests.Parsing.Templates;

public sealed class TemplateTokenizerTests
{
    /// <summary>The tokens of <paramref name="line"/> written as a template: variables <c>&lt;*&gt;</c>, words as they are.</summary>
    private static string Masked(string line)
    {
        var buffer = new TokenBuffer();
        new TemplateTokenizer().Tokenize(line, buffer);
        var sb = new System.Text.StringBuilder();
        foreach (var t in buffer.Tokens)
        {
            if (t.SpaceBefore)
                sb.Append(' ');
            sb.Append(t.Kind == TokenKind.Variable ? "<*>" : line.Substring(t.Start, t.Length));
        }

        return sb.ToString();
    }

    private static List<(string Text, TokenKind Kind)> Tokens(string line)
    {
        var buffer = new TokenBuffer();
        new TemplateTokenizer().Tokenize(line, buffer);
        return [.. buffer.Tokens.ToArray().Select(t => (line.Substring(t.Start, t.Length), t.Kind))];
    }

    [Theory]
    [InlineData("buffer size:1024 bytes", "buffer size:<*> bytes")]
    [InlineData("connect (10.0.0.1:80) refused", "connect (<*>) refused")]
    [InlineData("user=alice id=42 ok", "user=alice id=<*> ok")]
    [InlineData("Received block blk_-1608999687919862906 of size 91178 from /10.250.10.6", "Received block <*> of size <*> from <*>")]
    [InlineData("10.251.30.85:50010:Got exception while serving blk_-2918118818249673980 to /10.251.90.64:", "<*>:Got exception while serving <*> to <*>:")]
    [InlineData("listening on [fe80::1ff:fe23:4567:890a]:8080", "listening on <*>")]
    [InlineData("listening on [::1]", "listening on [<*>]")]
    [InlineData("request 3f2b9c1e-8a6d-4c1f-9a7e-1b2c3d4e5f60 failed", "request <*> failed")]
    [InlineData("GET https://api.example.com/v1/x?id=3 took 65020ms", "GET <*> took <*>")]
    [InlineData("mail to ops@example.com sent, size 12KB", "mail to <*> sent, size <*>")]
    [InlineData("connection from 24.54.76.216 () at Fri Jun 17 07:07:00 2005", "connection from <*> () at <*>")]
    [InlineData("started 2016-09-28 04:30:30.123+02:00 by cron", "started <*> by cron")]
    [InlineData("MAC 00:11:43:e3:ba:c3 seen", "MAC <*> seen")]
    [InlineData("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326", "<*> - - [<*> <*>] \"GET <*> HTTP/<*>\" <*> <*>")]
    [InlineData("generating core.2275 on node-129", "generating core.<*> on node-<*>")]
    [InlineData("jetty-6.1.26 and Version v1.0.6 Starting", "jetty-<*> and Version <*> Starting")]
    [InlineData("illegal instruction......0", "illegal instruction......<*>")]
    [InlineData("setLightsOn(true) mask=ffffffff ws=null", "setLightsOn(<*>) mask=<*> ws=<*>")]
    [InlineData("Retrying connect to server: msra-sa-41:8030. Already tried 0 time(s)", "Retrying connect to server: <*>. Already tried <*> time(s)")]
    [InlineData("Old: msra-sa-41/10.190.173.170:9000 New: msra-sa-41:9000", "Old: <*> New: <*>")]
    [InlineData("[ib_sm_sweep.c:1831]: NEW SWEEP", "[ib_sm_sweep.c:<*>]: NEW SWEEP")]
    [InlineData("tag=\"View Lock\", name=com.android.systemui, pid=2227", "tag=\"View Lock\", name=com.android.systemui, pid=<*>")]
    [InlineData("jk2_init() Found child 6725 in scoreboard slot 10", "jk2_init() Found child <*> in scoreboard slot <*>")]
    [InlineData("file C:\\Windows\\x.log and ./run.sh and ~/a", "file <*> and <*> and <*>")]
    public void VariablesAreMasked(string line, string masked) => Assert.Equal(masked, Masked(line));

    [Fact]
    public void PunctuationAttachedVariablesStayApart()
    {
        Assert.Equal([("size", TokenKind.Word), (":", TokenKind.Punct), ("1024", TokenKind.Variable)], Tokens("size:1024"));
        Assert.Equal([("(", TokenKind.Punct), ("10.0.0.1:80", TokenKind.Variable), (")", TokenKind.Punct)], Tokens("(10.0.0.1:80)"));
        Assert.Equal([("key", TokenKind.Word), ("=", TokenKind.Punct), ("value", TokenKind.Word)], Tokens("key=value"));
    }

    [Fact]
    public void WordsWithDigitsAreWeakAndSentencePunctuationIsApart()
    {
        Assert.Equal([("eth0", TokenKind.Weak), ("up", TokenKind.Word), (".", TokenKind.Punct)], Tokens("eth0 up."));
        Assert.Equal([("attempt_1445144423722_0020_m_000000_0", TokenKind.Variable)], Tokens("attempt_1445144423722_0020_m_000000_0"));
    }

    [Fact]
    public void ConfiguredDelimitersSplitWords()
    {
        var buffer = new TokenBuffer();
        new TemplateTokenizer(new TemplateOptions { Delimiters = TemplateOptions.DefaultDelimiters + "^" }).Tokenize("a^b", buffer);
        Assert.Equal(3, buffer.Count);
        new TemplateTokenizer().Tokenize("key.sub", buffer);
        Assert.Equal(1, buffer.Count);
        new TemplateTokenizer(new TemplateOptions { Delimiters = "=." }).Tokenize("key.sub", buffer);
        Assert.Equal(3, buffer.Count);
    }

    [Fact]
    public void BadOptionsAreRejectedWithEveryProblem()
    {
        var e = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() =>
            new TemplateTokenizer(new TemplateOptions { Delimiters = "a ", MinDistinctValues = 1 }));
        Assert.Contains("MinDistinctValues", e.Message, StringComparison.Ordinal);
        Assert.Contains("whitespace", e.Message, StringComparison.Ordinal);
    }
}
