using Culprit.Code;
using Culprit.Code.Mapping;
using Culprit.Model;
using Culprit.Rca.Parameters;

namespace Culprit.Rca.Candidates;

/// <summary>
/// Brief §4.1: the functions that may hold the root cause. The root exception's frames (then those of the
/// exceptions that wrap it) are resolved to code; each own-code frame's enclosing function is a candidate, and so
/// are the functions called on the failing lines of the innermost two, the functions changed since the previous
/// deploy, and the chunks most similar to the trace. Each gets a weighted score (<see cref="CandidateWeights"/>)
/// with its breakdown; the best <see cref="CandidateRequest.MaxCandidates"/> are kept.
/// </summary>
public static class CandidateSelector
{
    public static CandidateSet Select(CandidateRequest request)
    {
        var frames = ResolveFrames(request);
        var code = request.Code;
        var drafts = new List<Draft>();
        var seen = new HashSet<(string, int)>();
        var ownRank = 0;
        string? topPath = null;
        foreach (var frame in frames)
        {
            var symbol = frame.Resolution.Symbol ?? WindowSymbol(frame, code);
            if (symbol is null || frame.Resolution.RepoPath is not { } path || !SymbolKinds.IsCallable(symbol.Kind))
            {
                if (frame.OwnCode)
                    ownRank++;
                continue;
            }
            topPath ??= frame.OwnCode ? path : null;
            var rank = frame.OwnCode ? ownRank++ : ownRank + 3;
            if (!seen.Add((path, symbol.StartLine)))
                continue;
            drafts.Add(new Draft(path, symbol, "frame", frame.Frame.Line, frame.Depth, Depth: 1.0 / (1 + rank), frame.OwnCode));
        }
        AddCallees(code, drafts, seen);
        AddChanged(request, drafts, seen);
        var similar = request.Similar?.Invoke(QueryText(request.Exception), 10) ?? [];
        foreach (var (path, symbol, _) in similar)
        {
            if (SymbolKinds.IsCallable(symbol.Kind) && seen.Add((path, symbol.StartLine)))
                drafts.Add(new Draft(path, symbol, "similar", null, null, 0, !TestPaths.IsTest(path)));
        }
        var messageWords = MessageWords(request.Exception);
        var candidates = drafts
            .Select(d => Score(d, request, code, topPath, similar, messageWords))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.FrameDepth ?? int.MaxValue)
            .Take(request.MaxCandidates)
            .ToList();
        return new CandidateSet(candidates, frames);
    }

    /// <summary>
    /// A frame whose file has no symbols (no ctags, a parse failure) still gives a candidate: the line window
    /// around its line, named after the frame's function, so the analysis degrades instead of stopping.
    /// </summary>
    private static CodeSymbol? WindowSymbol(ResolvedFrame frame, ICodeView code)
    {
        if (frame.Resolution is not { RepoPath: { } path, Window: { } window } || !frame.OwnCode || code.SymbolsOf(path).Count > 0)
            return null;
        var lines = code.Lines(path)?.Count ?? window.End;
        var name = frame.Frame.Function ?? "?";
        return new CodeSymbol
        {
            Kind = SymbolKinds.Function,
            Name = name,
            QualifiedName = frame.Frame.Module is { } module ? $"{module}.{name}" : name,
            StartLine = window.Start,
            EndLine = Math.Min(window.End, Math.Max(window.Start, lines)),
            Doc = "line window: the file's symbols are not known",
        };
    }

    private static List<ResolvedFrame> ResolveFrames(CandidateRequest request)
    {
        var resolver = new FrameResolver(request.Code.Paths, request.Code);
        var chain = new List<ExceptionInfo>();
        chain.Add(request.Exception.Root);
        for (var i = request.Exception.Causes.Count - 2; i >= 0; i--)
            chain.Add(request.Exception.Causes[i]);
        if (request.Exception.Causes.Count > 0)
            chain.Add(request.Exception);
        var frames = new List<ResolvedFrame>();
        var printed = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        foreach (var exception in chain)
        {
            foreach (var frame in exception.InnermostFirst)
            {
                if (!printed.Add(frame.Raw.Length > 0 ? frame.Raw : $"{frame.Module}.{frame.Function}:{frame.File}:{frame.Line}"))
                    continue;
                var resolution = resolver.Resolve(frame, exception.Runtime);
                var own = resolution.RepoPath is { } path && !TestPaths.IsTest(path);
                frames.Add(new ResolvedFrame(frame, depth++, resolution, own));
            }
        }
        return frames;
    }

    private static void AddCallees(ICodeView code, List<Draft> drafts, HashSet<(string, int)> seen)
    {
        var framesSeen = 0;
        foreach (var caller in drafts.Where(d => d.Origin == "frame" && d.OwnCode).ToList())
        {
            if (++framesSeen > 2 || caller.FailingLine is not int line || code.Lines(caller.Path) is not { } lines || line > lines.Count)
                break;
            var folder = caller.Path.Contains('/', StringComparison.Ordinal) ? caller.Path[..(caller.Path.LastIndexOf('/') + 1)] : "";
            foreach (var (name, anywhere) in CalledNames(lines[line - 1]))
            {
                // A call on an object (order.total()) may be any type's method: only definitions near the caller
                // count. Plain calls, calls on this/self and on type names (TaxRules.rate()) are looked up everywhere.
                var definition = code.FindByName(name, caller.Path).Where(d => anywhere || d.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
                if (definition.Count == 0)
                    continue;
                var (path, symbol) = definition[0];
                if (TestPaths.IsTest(path) || !seen.Add((path, symbol.StartLine)))
                    continue;
                drafts.Add(new Draft(path, symbol, "callee", null, caller.FrameDepth, caller.Depth * 0.3, OwnCode: true));
            }
        }
    }

    private static void AddChanged(CandidateRequest request, List<Draft> drafts, HashSet<(string, int)> seen)
    {
        foreach (var change in request.SuspectChanges)
        {
            var symbol = request.Code.SymbolsOf(change.File).FirstOrDefault(s => s.QualifiedName == change.Symbol);
            if (symbol is null || !seen.Add((change.File, symbol.StartLine)))
                continue;
            drafts.Add(new Draft(change.File, symbol, "changed", null, null, 0, OwnCode: true));
        }
    }

    private static RcaCandidate Score(Draft d, CandidateRequest request, ICodeView code, string? topPath,
        IReadOnlyList<(string Path, CodeSymbol Symbol, double Similarity)> similar, HashSet<string> messageWords)
    {
        var w = request.Weights;
        var lines = code.Lines(d.Path) ?? [];
        var (codeText, codeStart) = Excerpt(lines, d.Symbol, d.FailingLine, request.MaxCodeLines);
        var inApp = d.OwnCode ? 1.0 : 0.2;
        var path = d.Origin == "frame" ? 1.0 : PathSimilarity(d.Path, topPath);
        var embedding = similar.Where(s => s.Path == d.Path && s.Symbol.StartLine == d.Symbol.StartLine).Select(s => s.Similarity).FirstOrDefault();
        var change = request.SuspectChanges.Any(s => s.File == d.Path && s.Symbol == d.Symbol.QualifiedName) ? 1.0 : 0.0;
        var lexical = LexicalOverlap(messageWords, FunctionText(lines, d.Symbol));
        var breakdown = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["depth"] = Math.Round(d.Depth, 4),
            ["in_app"] = inApp,
            ["path"] = Math.Round(path, 4),
            ["embedding"] = Math.Round(embedding, 4),
            ["change"] = change,
            ["lexical"] = Math.Round(lexical, 4),
        };
        var score = w.Depth * d.Depth + w.InApp * inApp + w.Path * path + w.Embedding * embedding + w.Change * change + w.Lexical * lexical;
        return new RcaCandidate
        {
            File = d.Path,
            Symbol = d.Symbol.QualifiedName,
            StartLine = d.Symbol.StartLine,
            EndLine = d.Symbol.EndLine,
            FailingLine = d.FailingLine,
            FrameDepth = d.FrameDepth,
            Code = codeText,
            CodeStartLine = codeStart,
            ParameterNames = SignatureParameters.Names(d.Symbol.Signature, CodeLanguages.FromPath(d.Path) ?? ""),
            Calls = d.Symbol.Calls,
            Score = Math.Round(score, 4),
            ScoreBreakdown = breakdown,
            Origin = d.Origin,
        };
    }

    /// <summary>The function's lines, or a window of <paramref name="max"/> lines centred on the failing line.</summary>
    public static (string Code, int StartLine) Excerpt(IReadOnlyList<string> lines, CodeSymbol symbol, int? failingLine, int max)
    {
        var start = Math.Max(1, symbol.StartLine);
        var end = Math.Min(lines.Count, symbol.EndLine);
        if (end - start + 1 > max)
        {
            var centre = failingLine is int f && f >= start && f <= end ? f : start + max / 2;
            start = Math.Max(start, centre - max / 2);
            end = Math.Min(end, start + max - 1);
        }
        return end < start ? ("", start) : (string.Join('\n', Enumerable.Range(start, end - start + 1).Select(i => lines[i - 1])), start);
    }

    private static string FunctionText(IReadOnlyList<string> lines, CodeSymbol symbol)
    {
        var end = Math.Min(lines.Count, symbol.EndLine);
        return symbol.StartLine > end ? "" : string.Join('\n', Enumerable.Range(symbol.StartLine, end - symbol.StartLine + 1).Select(i => lines[i - 1]));
    }

    /// <summary>Names called on the line, each with whether its definition may be looked up anywhere in the repository.</summary>
    private static IEnumerable<(string Name, bool Anywhere)> CalledNames(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (!char.IsLetter(line[i]) && line[i] != '_')
            {
                i++;
                continue;
            }
            var start = i;
            while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_'))
                i++;
            var j = i;
            while (j < line.Length && line[j] == ' ')
                j++;
            if (j < line.Length && line[j] == '(' && !CallKeywords.Contains(line[start..i]))
                yield return (line[start..i], IsUnqualifiedOrStatic(line, start));
        }
    }

    private static bool IsUnqualifiedOrStatic(string line, int nameStart)
    {
        var dot = nameStart - 1;
        if (dot > 0 && line[dot] == '>' && line[dot - 1] == '-')
            dot--;
        else if (dot < 0 || line[dot] != '.')
            return true;
        var end = dot;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(line[start - 1]) || line[start - 1] == '_' || line[start - 1] == '$'))
            start--;
        var qualifier = line[start..end].TrimStart('$');
        return qualifier is "this" or "self" or "super" or "base" || qualifier.Length > 0 && char.IsUpper(qualifier[0]);
    }

    private static readonly HashSet<string> CallKeywords = new(StringComparer.Ordinal)
    {
        "if", "for", "while", "switch", "catch", "return", "new", "throw", "raise", "assert", "print", "await", "function", "def",
        "elif", "with", "typeof", "sizeof", "lock", "using", "foreach", "not", "and", "or", "in", "is", "super", "this", "len",
        "str", "int", "isinstance", "range", "list", "dict", "set", "tuple", "format",
    };

    private static double PathSimilarity(string path, string? topPath)
    {
        if (topPath is null)
            return 0;
        var a = path.Split('/');
        var b = topPath.Split('/');
        var n = 0;
        while (n < a.Length - 1 && n < b.Length - 1 && a[n] == b[n])
            n++;
        return (double)n / Math.Max(1, Math.Max(a.Length, b.Length) - 1);
    }

    private static HashSet<string> MessageWords(ExceptionInfo exception)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var root = exception.Root;
        foreach (var token in CodeWords.Identifiers(root.Message ?? ""))
        {
            foreach (var word in CodeWords.Split(token))
            {
                if (word.Length >= 3 && !StopWords.Contains(word))
                    words.Add(word);
            }
        }
        return words;
    }

    private static double LexicalOverlap(HashSet<string> messageWords, string code)
    {
        if (messageWords.Count == 0 || code.Length == 0)
            return 0;
        var codeWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in CodeWords.Identifiers(code))
        {
            foreach (var word in CodeWords.Split(identifier))
                codeWords.Add(word);
        }
        var hits = messageWords.Count(codeWords.Contains);
        return Math.Min(1.0, (double)hits / Math.Min(messageWords.Count, 6));
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "not", "for", "was", "with", "that", "this", "has", "have", "from", "are", "can", "cannot", "object",
        "instance", "instances", "value", "null", "none", "undefined", "type", "error", "exception", "because", "invoke",
        "found", "given", "present", "reading", "properties", "attribute", "between", "supported",
    };

    private static string QueryText(ExceptionInfo exception)
    {
        var root = exception.Root;
        var frames = string.Join(' ', root.InnermostFirst.Take(5).Select(f => f.Function));
        return $"{root.Type}: {root.Message} {frames}";
    }

    private sealed record Draft(string Path, CodeSymbol Symbol, string Origin, int? FailingLine, int? FrameDepth, double Depth, bool OwnCode);
}
