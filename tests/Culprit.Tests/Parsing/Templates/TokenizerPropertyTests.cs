using CsCheck;
using Culprit.Parsing.Templates;
using Culprit.Tests.Support;

namespace Culprit.Tests.Parsing.Templates;

/// <summary>The span tokenizer against the regex-based <see cref="ReferenceTokenizer"/>, on random log-like text.</summary>
public sealed class TokenizerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "Jun", "Fri", "Mon,", "sept", "December", "17", "7", "07:07:00", "2005", "PDT", "EST", "2016-09-28", "2016/9/27", "10/Oct/2000:13:55:36", "1/jan/2000:1:02:03", "10/Foo/2000:13:55:36", "T", "04:30:30.123", "+02:00", "+0530", "Z",
        "10.0.0.1", "256.1.1.1", "1.2.3.4:8080", ":8080", "::1", "fe80::1", "[fe80::1]:8080", "[::1]:", "[0:0:0]", "00:11:43:e3:ba:c3", "0000:00:1f.0", "12:34:56", "1:2:3:4",
        "host-1.example.com", "msra-sa-41", "a.b", "a.b.c", "file.java", "Foo.java:42", "getTop.padding", "localhost",
        "http://x.y/z?q=1", "akka.tcp://sys@host:1", "hdfs://h:9000/a(b)c", "/var/log/x.log", "/", "./a", "../b", "~/c", "C:\\Windows\\x", "c:/", "\\\\srv\\share",
        "user@example.com", "a@b.c", "x@y.com2", "123e4567-e89b-12d3-a456-426614174000", "0x1F", "12KB", "65020ms", "-17", "+3.5", "1e10", "2kSOSP",
        "true", "NULL", "False", "core.2275", "node-129", "jetty-6.1.26", "v1.2.3", "V6.1", "blk_-123", "Thunderbird_A8", "eth0", "deadbeef", "ab12", "e08x", "abc",
        "......", "...", "--", "=", "==", ":", ",", ";", "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", "|", "@", "/", "#", "*", "!", "?", ".", "-", "+", "_", "$", "%", "&", "~", "\\", "^", "`",
        "é", "ß", "日本", "٣", "\u00a0", "\u2003", "key=value", "k=\"v w\"", "k='x'", "k=(a", "k=[1,2]", "a=b,c=d", "size:1024", "(10.0.0.1:80)",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i])),
        (2, Gen.String[Gen.Char["aZf09.:-/_=@#()[]{}\"' ,;\t+x"], 0, 6]),
        (1, Gen.String));

    private static readonly string[] Separators = ["", "", " ", " ", "  ", "\t", "=", ":", ",", "/", ".", "-"];

    private static readonly Gen<string> Separator = Gen.Int[0, Separators.Length - 1].Select(i => Separators[i]);

    private static readonly Gen<string> Line = Gen.Select(Piece, Separator).Array[0, 14]
        .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    [Fact]
    public void FastTokenizerAgreesWithTheReference()
    {
        var tokenizer = new TemplateTokenizer();
        Line.Sample(line =>
        {
            var buffer = new TokenBuffer();
            tokenizer.Tokenize(line, buffer);
            var fast = buffer.Tokens.ToArray().Select(t => (line.Substring(t.Start, t.Length), t.Kind, t.SpaceBefore)).ToList();
            var reference = ReferenceTokenizer.Tokenize(line);
            Assert.True(fast.SequenceEqual(reference),
                $"line: [{line}]\nfast:      {string.Join(" | ", fast)}\nreference: {string.Join(" | ", reference)}");
        }, iter: 20_000);
    }

    [Fact]
    public void TokensCoverEveryNonWhitespaceCharacterOnce()
    {
        var tokenizer = new TemplateTokenizer();
        Line.Sample(line =>
        {
            var buffer = new TokenBuffer();
            tokenizer.Tokenize(line, buffer);
            var at = 0;
            foreach (var t in buffer.Tokens)
            {
                Assert.True(t.Length > 0, line);
                var gap = line.AsSpan(at, t.Start - at);
                Assert.True(gap.IsWhiteSpace(), $"[{line}] text between tokens: [{gap}]");
                Assert.Equal(at > 0 && !gap.IsEmpty, t.SpaceBefore);
                Assert.False(char.IsWhiteSpace(line[t.Start]), line);
                at = t.End;
            }

            Assert.True(line.AsSpan(at).IsWhiteSpace(), line);
        }, iter: 20_000);
    }
}
