using System.Globalization;
using System.Text.RegularExpressions;
using Culprit.Model;
using Culprit.Rca.Candidates;

namespace Culprit.Rca.Heuristic;

/// <summary>
/// The offline, deterministic engine: picks the root-cause candidate with exception-type knowledge (docs/rca.md),
/// reads the failing line to find what failed and where its value came from, and writes reasoning, evidence, the
/// parameters involved, fixes and tests from <see cref="RuleCatalogue"/>. Confidence follows a documented formula.
/// </summary>
public sealed class HeuristicAnalyst : IRcaEngine
{
    private readonly TimeProvider _clock;
    private readonly CandidateWeights _weights;

    public HeuristicAnalyst(TimeProvider? clock = null, CandidateWeights? weights = null)
    {
        _clock = clock ?? TimeProvider.System;
        _weights = weights ?? CandidateWeights.Default;
    }

    public string Name => "heuristic";

    public Task<RcaReport> AnalyzeAsync(RcaInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(Analyze(input));

    public RcaReport Analyze(RcaInput input)
    {
        var root = input.RootException ?? input.Exception?.Root;
        var family = ExceptionFamilies.Classify(root?.Type, root?.Message ?? input.Message);
        var judged = Judge(input, root, family);
        var ranked = judged.Ranked;
        var chosen = ranked.Count > 0 ? ranked[0] : null;
        var evidence = new List<string>();
        if (root is not null)
            evidence.Add($"{root.Type}: {root.Message}".TrimEnd(' ', ':'));
        else if (input.Message is not null)
            evidence.Add(input.Message);
        if (chosen is null)
        {
            return new RcaReport
            {
                IncidentId = input.IncidentId,
                LikelyRootCause = new RootCause
                {
                    FilePath = "",
                    Symbol = "",
                    LineRange = [],
                    Confidence = 0.05,
                    Reasoning = root is null
                        ? "This incident is an error line without a stack trace, and no source file holds its message's fixed text, so no function can be named; the text may be built at run time or logged by a library."
                        : "No frame of this incident resolves to the repository, so no function can be named; check the code mappings (--map) and that --repo/--commit match the deployed code.",
                },
                SupportingEvidence = evidence,
                InvolvedParameters = Parameters(input, null, null, family),
                FixSuggestions = [],
                TestsToAdd = [],
                Engine = Name,
                Version = input.Version,
                Commit = input.Commit,
                CreatedAt = _clock.GetUtcNow(),
            };
        }

        var line = judged.Line ?? chosen.FailingLine;
        var subject = judged.Subject;
        var range = LineRange(chosen, line, input);
        if (line is int l && LineText(chosen, l) is { } text)
            evidence.Add($"{chosen.File}:{l}: {text.Trim()}");
        evidence.AddRange(judged.Notes);
        foreach (var change in input.SuspectChanges.Where(c => c.File == chosen.File && c.Symbol == chosen.Symbol))
            evidence.Add($"changed since the previous deploy by {change.Sha[..Math.Min(10, change.Sha.Length)]} ({change.Author}, {change.When:yyyy-MM-dd}): {change.Summary}; lines {string.Join(", ", change.ChangedLines)}");
        if (input.Count > 1)
            evidence.Add($"{input.Count} occurrences" + (input.FirstSeen is { } first ? $" since {first.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : ""));

        var rule = RuleCatalogue.For(family);
        var fill = Placeholders(chosen, subject, line, judged);
        var reasoning = Reasoning(family, chosen, subject, line, judged, rule, fill, input);
        return new RcaReport
        {
            IncidentId = input.IncidentId,
            LikelyRootCause = new RootCause
            {
                FilePath = chosen.File,
                Symbol = chosen.Symbol,
                LineRange = range,
                Confidence = Confidence(family, subject, judged, ranked, input),
                Reasoning = reasoning,
            },
            SupportingEvidence = evidence,
            InvolvedParameters = Parameters(input, chosen, subject, family),
            FixSuggestions = [.. rule.Fixes.Select(f => Fill(f, fill))],
            TestsToAdd = [.. rule.Tests.Select(t => Fill(t, fill))],
            Engine = Name,
            Version = input.Version,
            Commit = input.Commit,
            Candidates = [.. ranked.Select(c => new RcaCandidateSummary { File = c.File, Symbol = c.Symbol, StartLine = c.StartLine, EndLine = c.EndLine, Score = c.Score })],
            CreatedAt = _clock.GetUtcNow(),
        };
    }

    /// <summary>The candidates re-ranked with the exception-type rule term, and what the rules found.</summary>
    public Judgement Judge(RcaInput input, ExceptionInfo? root, ExceptionFamily family)
    {
        var candidates = input.Candidates;
        var frames = candidates.Where(c => c.Origin == "frame" && c.FrameDepth is not null).OrderBy(c => c.FrameDepth).ToList();
        var rules = new Dictionary<RcaCandidate, double>();
        var notes = new List<string>();
        FailingSubject? subject = null;
        int? line = null;
        RcaCandidate? producerOf = null;
        var innermost = frames.FirstOrDefault();
        if (innermost is not null && innermost.FailingLine is int failing && LineText(innermost, failing) is { } code)
        {
            line = failing;
            // An explicit throw: what failed is the check that led to it, not the exception's constructor.
            subject = IsThrow(code) && ThrowCondition(innermost, failing) is { } check
                ? new FailingSubject(check, "check", FailingSubjects.RootOf(check))
                : FailingSubjects.Find(family, root?.Type, root?.Message, code);
            var caller = frames.Count > 1 ? frames[1] : null;
            if (IsGuard(innermost) && family is ExceptionFamily.Validation or ExceptionFamily.IllegalState or ExceptionFamily.NullDereference && caller is not null)
            {
                rules[innermost] = -1;
                rules[caller!] = 0.6;
                notes.Add($"{Short(innermost.Symbol)} only checks its argument; the value was passed by {Short(caller!.Symbol)} (line {caller.FailingLine})");
                line = caller.FailingLine;
                subject = caller.FailingLine is int cl && LineText(caller, cl) is { } callLine ? FailingSubjects.Find(ExceptionFamily.Validation, root?.Type, root?.Message, callLine) ?? subject : subject;
            }
            else if (subject?.Root is { } name && family is ExceptionFamily.NullDereference or ExceptionFamily.TypeMismatch
                     && IsPassedIn(subject, name, innermost) && AssignedBefore(innermost, name, failing) is null && caller is not null)
            {
                rules[caller!] = 1;
                producerOf = innermost;
                notes.Add($"`{name}` is a parameter of {Short(innermost.Symbol)}; its value comes from {Short(caller!.Symbol)} (line {caller.FailingLine})");
                line = caller.FailingLine;
            }
            else if (subject?.Root is { } local && AssignedBefore(innermost, local, failing) is { } assigned)
            {
                notes.Add($"`{local}` was assigned on line {assigned.Line}: {assigned.Text.Trim()}");
            }
        }
        var ranked = candidates
            .Select(c => Rescore(c, rules.TryGetValue(c, out var r) ? r : 0))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FrameDepth ?? int.MaxValue)
            .ToList();
        return new Judgement(ranked, subject, line, producerOf, notes);
    }

    /// <summary>
    /// The failing value is a parameter or data reached through one (<c>item.product</c>), not the result of a call
    /// made here (<c>customer.getShippingAddress()</c>): then whoever passed it in produced it.
    /// </summary>
    private static bool IsPassedIn(FailingSubject subject, string root, RcaCandidate frame) =>
        frame.ParameterNames.Contains(root) && subject.Role is "null value" or "wrong type" && !subject.Expression.Contains('(', StringComparison.Ordinal);

    public sealed record Judgement(IReadOnlyList<RcaCandidate> Ranked, FailingSubject? Subject, int? Line, RcaCandidate? ProducerOf, IReadOnlyList<string> Notes);

    private RcaCandidate Rescore(RcaCandidate c, double rule)
    {
        var breakdown = new Dictionary<string, double>(c.ScoreBreakdown, StringComparer.Ordinal) { ["rule"] = rule };
        return c with { Score = Math.Round(c.Score + _weights.Rule * rule, 4), ScoreBreakdown = breakdown };
    }

    private static bool IsGuard(RcaCandidate c)
    {
        var parts = c.Symbol.Split('.');
        var method = parts[^1];
        var type = parts.Length > 1 ? parts[^2] : "";
        return type is "Validate" or "Validator" or "Preconditions" or "Assert" or "Asserts" or "Guard" or "Guards" or "Check" or "Checks"
                   or "Require" or "Requires" or "Ensure" or "Contract" or "Contracts" or "ArgumentGuard" or "Verify"
               || Regex.IsMatch(method, "^(check|validate|require|ensure|assert|verify|notNull|notEmpty|notBlank|isTrue|throwIf)", RegexOptions.IgnoreCase);
    }

    private static bool IsThrow(string code)
    {
        var t = code.TrimStart();
        return t.StartsWith("throw ", StringComparison.Ordinal) || t.StartsWith("raise ", StringComparison.Ordinal) || t.StartsWith("panic(", StringComparison.Ordinal);
    }

    /// <summary>The condition of the nearest <c>if</c> above a throw (within five lines), e.g. <c>minutes &lt; 0 || minutes &gt; 59</c>.</summary>
    private static string? ThrowCondition(RcaCandidate c, int failing)
    {
        for (var n = failing; n >= Math.Max(c.StartLine, failing - 5); n--)
        {
            if (LineText(c, n) is not { } text)
                continue;
            var m = Regex.Match(text, @"^\s*(?:\}\s*)?(?:else\s+)?(?:if|elif|unless)\b\s*(.+?)\s*(?:\{|:|then)?\s*$");
            if (!m.Success)
                continue;
            var condition = m.Groups[1].Value.Trim();
            if (condition.StartsWith('(') && condition.EndsWith(')'))
                condition = condition[1..^1].Trim();
            return condition.Length is > 0 and < 160 ? condition : null;
        }
        return null;
    }

    private static (int Line, string Text)? AssignedBefore(RcaCandidate c, string name, int failing)
    {
        var lines = c.Code.Split('\n');
        var pattern = new Regex($@"(?<![\w.]){Regex.Escape(name)}\s*(?::[^=]+)?=(?!=)");
        for (var n = failing - 1; n >= Math.Max(c.StartLine, c.CodeStartLine) + 1; n--)
        {
            var i = n - c.CodeStartLine;
            if (i >= 0 && i < lines.Length && pattern.IsMatch(lines[i]))
                return (n, lines[i]);
        }
        return null;
    }

    private static string? LineText(RcaCandidate c, int line)
    {
        var i = line - c.CodeStartLine;
        var lines = c.Code.Split('\n');
        return i >= 0 && i < lines.Length ? lines[i] : null;
    }

    private static IReadOnlyList<int> LineRange(RcaCandidate c, int? line, RcaInput input)
    {
        if (line is int l && l >= c.StartLine && l <= c.EndLine)
            return [l, l];
        if (c.FailingLine is int f)
            return [f, f];
        var changed = input.SuspectChanges.Where(s => s.File == c.File && s.Symbol == c.Symbol).SelectMany(s => s.ChangedLines).ToList();
        return changed.Count > 0 ? [changed.Min(), changed.Max()] : [c.StartLine, c.EndLine];
    }

    private static Dictionary<string, string> Placeholders(RcaCandidate chosen, FailingSubject? subject, int? line, Judgement judged)
    {
        var expression = subject?.Expression ?? "the value on the failing line";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{symbol}"] = Short(chosen.Symbol),
            ["{subject}"] = subject is null ? expression : $"`{expression}`",
            ["{key}"] = subject?.Key is { } key ? $"`{key}`" : "the key",
            ["{call}"] = subject is null ? "the call on the failing line" : $"`{subject.Expression}`",
            ["{param}"] = judged.ProducerOf is not null && subject?.Root is { } root ? $"`{root}`" : "the input",
            ["{line}"] = line?.ToString(CultureInfo.InvariantCulture) ?? "?",
        };
    }

    private static string Fill(string template, Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
            template = template.Replace(key, value, StringComparison.Ordinal);
        return template;
    }

    private static string Reasoning(ExceptionFamily family, RcaCandidate chosen, FailingSubject? subject, int? line, Judgement judged,
        RuleCatalogue.Rule rule, Dictionary<string, string> fill, RcaInput input)
    {
        var parts = new List<string>();
        var where = line is int l ? $"line {l} of {Short(chosen.Symbol)} ({chosen.File})" : $"{Short(chosen.Symbol)} ({chosen.File})";
        if (chosen.Origin == "log")
        {
            var code = line is int ll ? LineText(chosen, ll)?.Trim() : null;
            parts.Add($"This incident is an error line without a stack trace; it is written at {where}{(code is null ? "" : $": {code}")}.");
            parts.Add(family switch
            {
                ExceptionFamily.TimeoutOrConnection => "The message reports a slow or unreachable dependency: look at the call made just before this line and its timeout and retry settings.",
                ExceptionFamily.Unknown => "Read the code before this line for the condition that leads to it.",
                _ => $"The message reads as a {Describe(family)}: read the code before this line for the condition that leads to it.",
            });
        }
        else if (judged.ProducerOf is { } producer && subject?.Root is { } root)
        {
            var failing = producer.FailingLine is int pl ? $" (line {pl})" : "";
            parts.Add($"{Short(producer.Symbol)} fails on its parameter `{root}`{failing}: {Fill(rule.Problem, new Dictionary<string, string>(fill, StringComparer.Ordinal) { ["{symbol}"] = Short(producer.Symbol) })}.");
            parts.Add($"The value arrives in {Short(producer.Symbol)} as the parameter `{root}`, passed at {where}, so the caller that produced it is the place to fix; {Short(producer.Symbol)} only used it.");
        }
        else
        {
            parts.Add(Capitalize(Fill(rule.Problem, fill)) + $" at {where}.");
        }
        if (subject?.Role == "return value")
            parts.Add($"The null comes from the return value of {subject.Expression}, which is used without a check.");
        parts.AddRange(judged.Notes.Where(n => n.Contains("was assigned", StringComparison.Ordinal) || n.Contains("only checks", StringComparison.Ordinal)).Select(n => Capitalize(n) + "."));
        if (input.SuspectChanges.Any(s => s.File == chosen.File && s.Symbol == chosen.Symbol))
            parts.Add("This function changed since the previous deploy, which makes the change the first suspect.");
        if (chosen.Origin is not ("frame" or "log"))
            parts.Add($"It is not on the stack itself; it was picked because it is a {chosen.Origin switch { "callee" => "function called on the failing line", "changed" => "function changed since the previous deploy", _ => "function similar to the trace" }}.");
        _ = family;
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Calibrated from the evidence, not constant (docs/rca.md): 0.30 base, +0.25 when the failing expression was
    /// found on the line (+0.10 when it is only a guess), +0.15 when the chosen function is on the stack, +0.15 when it changed since the previous
    /// deploy, +0.10 × the score margin over the runner-up, −0.15 for an unknown exception family; in [0.05, 0.95].
    /// </summary>
    private static double Confidence(ExceptionFamily family, FailingSubject? subject, Judgement judged, IReadOnlyList<RcaCandidate> ranked, RcaInput input)
    {
        var chosen = ranked[0];
        var c = 0.30;
        if (subject is not null)
            c += subject.Role == "possibly null" ? 0.10 : 0.25;
        if (chosen.Origin == "frame")
            c += 0.15;
        if (input.SuspectChanges.Any(s => s.File == chosen.File && s.Symbol == chosen.Symbol))
            c += 0.15;
        var margin = ranked.Count > 1 ? Math.Clamp((chosen.Score - ranked[1].Score) / 0.3, 0, 1) : 1;
        c += 0.10 * margin;
        if (family == ExceptionFamily.Unknown)
            c -= 0.15;
        _ = judged;
        return Math.Round(Math.Clamp(c, 0.05, 0.95), 2);
    }

    private static IReadOnlyList<InvolvedParameter> Parameters(RcaInput input, RcaCandidate? chosen, FailingSubject? subject, ExceptionFamily family)
    {
        var result = new List<InvolvedParameter>();
        foreach (var p in input.Parameters)
        {
            string? why = null;
            if (p.MatchedName is { } matched)
            {
                var symbol = Short(p.MatchedSymbol ?? chosen?.Symbol ?? "");
                why = subject is { Role: "check" } && subject.Expression.Contains(matched, StringComparison.Ordinal)
                    ? $"the value the check `{subject.Expression}` in {symbol} rejected"
                    : subject?.Root == matched || subject?.Key == matched
                        ? $"the value of `{matched}` on the failing line of {symbol}"
                        : $"passed as `{matched}` to {symbol}";
            }
            else if (p.Source == "message" && p.Name is "key" or "index")
            {
                why = family == ExceptionFamily.KeyOrIndex ? $"the {p.Name} that was not found" : $"the {p.Name} named in the exception message";
            }
            else if (p.Source == "message")
            {
                why = "quoted in the exception message";
            }
            if (why is not null && result.Count < 8)
                result.Add(new InvolvedParameter { Name = p.MatchedName ?? p.Name, Value = p.Value, WhyRelevant = why });
        }
        foreach (var p in input.Parameters.Where(p => p.MatchedName is null && p.Source is "kv" or "json" or "trace"))
        {
            if (result.Count >= 6 || result.Exists(r => r.Value == p.Value))
                continue;
            var why = p.Source == "trace" ? "logged earlier in the same trace" : "carried by the failing request's log entry";
            result.Add(new InvolvedParameter { Name = p.Name, Value = p.Value, WhyRelevant = why });
        }
        return result;
    }

    private static string Short(string qualified)
    {
        var parts = qualified.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : qualified;
    }

    /// <summary>Upper-cases a sentence's first letter unless it starts with a code name (`x`, or a name with a dot).</summary>
    private static string Capitalize(string text)
    {
        if (text.Length == 0 || text[0] == '`')
            return text;
        var firstWord = text.Split(' ', 2)[0];
        return firstWord.Contains('.', StringComparison.Ordinal) ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Describe(ExceptionFamily family) => family switch
    {
        ExceptionFamily.NullDereference => "missing value",
        ExceptionFamily.KeyOrIndex => "missing key or index",
        ExceptionFamily.Validation => "rejected input",
        ExceptionFamily.TypeMismatch => "value of the wrong type",
        ExceptionFamily.Arithmetic => "arithmetic error",
        ExceptionFamily.IllegalState => "call in the wrong state",
        ExceptionFamily.Resource => "resource problem",
        _ => "failure",
    };
}
