using CsCheck;
using Culprit.Parsing.Templates;

namespace Culprit.Tests.Parsing.Templates;

/// <summary>
/// Invariants of the miner on random logs: synthetic ones (random templates whose slots hold numbers,
/// addresses, ids, enum words or names) mixed with arbitrary strings.
/// </summary>
public sealed class TemplateMinerPropertyTests
{
    private static readonly string[] Words = ["connection", "closed", "for", "user", "from", "port", "block", "received", "size", "failed", "retry", "task", "state", "node", "cache", "ms", "at", "to", "of", "the"];
    private static readonly string[] Punctuation = ["", "", "", ":", ",", "=", "(", ")", "[", "]", ";", "."];
    private static readonly string[] Enums = ["RUNNING", "STOPPED", "NEW", "FAILED"];
    private static readonly string[] Names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];

    /// <summary>A slot of a synthetic template: a constant word (with punctuation) or a kind of value.</summary>
    private static readonly Gen<Func<Random, string>> Slot = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, Words.Length - 1], Gen.Int[0, Punctuation.Length - 1]).Select(p => (Func<Random, string>)(_ => Words[p.Item1] + Punctuation[p.Item2]))),
        (1, Gen.Const((Func<Random, string>)(r => r.Next(0, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        (1, Gen.Const((Func<Random, string>)(r => $"10.0.{r.Next(256)}.{r.Next(256)}:{r.Next(1, 65535)}"))),
        (1, Gen.Const((Func<Random, string>)(r => $"blk_{r.NextInt64()}"))),
        (1, Gen.Const((Func<Random, string>)(r => Enums[r.Next(Enums.Length)]))),
        (1, Gen.Const((Func<Random, string>)(r => "user=" + Names[r.Next(Names.Length)]))),
        (1, Gen.Const((Func<Random, string>)(r => Names[r.Next(Names.Length)]))),
        (1, Gen.Const((Func<Random, string>)(r => $"/var/log/app{r.Next(3)}/x.log"))));

    private static readonly Gen<string[]> Corpus = Gen.Select(Slot.Array[1, 9].Array[1, 8], Gen.Int, Gen.String.Array[0, 10])
        .Select(x =>
        {
            var (templates, seed, noise) = x;
            var random = new Random(seed);
            var lines = new List<string>();
            for (var i = 0; i < 60; i++)
            {
                var template = templates[random.Next(templates.Length)];
                lines.Add(string.Join(' ', template.Select(slot => slot(random))));
            }

            lines.AddRange(noise);
            return lines.OrderBy(_ => random.Next()).ToArray();
        });

    [Fact]
    public void EveryLineGetsExactlyOneLiveTemplateAndMatchesIt()
    {
        Corpus.Sample(lines =>
        {
            var miner = new TemplateMiner();
            var assigned = lines.Select(l => miner.Mine(l).Template).ToList();
            var live = miner.Templates.ToHashSet();
            Assert.Equal(lines.Length, live.Sum(t => t.Count));
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.True(miner.TryMatch(lines[i], out var match), $"no template for [{lines[i]}]");
                Assert.Contains(match.Template, live);
                Assert.Same(TemplateMiner.Current(assigned[i]), match.Template);
                Assert.Equal(Normalize(lines[i]), Normalize(Substitute(match.Template, match.Parameters())));
            }
        }, iter: 300);
    }

    [Fact]
    public void MiningIsDeterministicForAGivenOrder()
    {
        Corpus.Sample(lines =>
        {
            var a = new TemplateMiner();
            var b = new TemplateMiner();
            foreach (var line in lines)
            {
                a.Mine(line);
                b.Mine(line);
            }

            Assert.Equal(a.Templates.Select(t => (t.Id, t.Count)), b.Templates.Select(t => (t.Id, t.Count)));
            foreach (var line in lines)
            {
                a.TryMatch(line, out var x);
                b.TryMatch(line, out var y);
                Assert.Equal(x.Template.Id, y.Template.Id);
            }
        }, iter: 200);
    }

    [Fact]
    public void AnyStringMatchesItsOwnTemplate()
    {
        Gen.String.Array[1, 20].Sample(lines =>
        {
            var miner = new TemplateMiner();
            foreach (var line in lines)
            {
                var match = miner.Mine(line);
                Assert.Equal(Normalize(line), Normalize(Substitute(match.Template, match.Parameters())));
            }
        }, iter: 2000);
    }

    /// <summary>The template with each <c>&lt;*&gt;</c> replaced by its parameter, rebuilt from the template's tokens.</summary>
    private static string Substitute(Template template, TemplateParameter[] parameters)
    {
        var sb = new System.Text.StringBuilder();
        var p = 0;
        foreach (var t in template.Tokens)
        {
            if (t.SpaceBefore)
                sb.Append(' ');
            sb.Append(t.IsVariable ? parameters[p++].Value : t.Text);
        }

        Assert.Equal(parameters.Length, p);
        return sb.ToString();
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
