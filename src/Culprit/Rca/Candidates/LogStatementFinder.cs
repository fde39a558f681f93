using Culprit.Code;

namespace Culprit.Rca.Candidates;

/// <summary>
/// For an error line without a stack trace: the code that writes it. The message's longest run of constant words
/// (no digits, ids or quoted values) is searched for in the repository's source files; each line holding it inside a
/// function is a candidate, the enclosing function with the line as the failing line.
/// </summary>
public static class LogStatementFinder
{
    /// <summary>Runs shorter than this many characters match too much to mean anything.</summary>
    public const int MinFragment = 12;

    public const int MaxMatches = 5;

    public static IReadOnlyList<(string Path, CodeSymbol Symbol, int Line)> Find(ICodeView code, IReadOnlyList<string> paths, string message)
    {
        var fragment = ConstantFragment(message);
        if (fragment is null)
            return [];
        var found = new List<(string, CodeSymbol, int)>();
        foreach (var path in paths)
        {
            if (CodeLanguages.FromPath(path) is null || TestPaths.IsTest(path))
                continue;
            var lines = code.Lines(path);
            if (lines is null)
                continue;
            for (var i = 0; i < lines.Count && found.Count < MaxMatches; i++)
            {
                if (!lines[i].Contains(fragment, StringComparison.Ordinal))
                    continue;
                var symbol = Code.Mapping.FrameResolver.Innermost(code.SymbolsOf(path), i + 1);
                if (symbol is not null && SymbolKinds.IsCallable(symbol.Kind))
                    found.Add((path, symbol, i + 1));
            }
        }
        return found;
    }

    /// <summary>The longest run of words without digits or quotes, trimmed of punctuation; null when shorter than <see cref="MinFragment"/>.</summary>
    public static string? ConstantFragment(string message)
    {
        string? best = null;
        var run = new List<string>();
        foreach (var word in message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("0"))
        {
            var constant = !word.Any(c => char.IsDigit(c) || c is '\'' or '"' or '=' or '/' or '\\' or '{' or '}');
            if (constant)
            {
                run.Add(word);
                continue;
            }
            var text = string.Join(' ', run).TrimEnd(':', ',', ';', '.').TrimStart('(', '[');
            if (text.Length > (best?.Length ?? 0))
                best = text;
            run.Clear();
        }
        return best is { Length: >= MinFragment } ? best : null;
    }
}
