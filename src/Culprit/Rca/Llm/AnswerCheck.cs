using System.Globalization;
using Culprit.Model;

namespace Culprit.Rca.Llm;

/// <summary>
/// Checks that a schema-valid answer makes sense: its file and symbol are one of the input's candidates (or
/// exist through the optional <see cref="IRcaSymbolLookup"/>) and its line range lies inside that symbol.
/// A match by short name or path suffix is written back with the candidate's full file and symbol.
/// </summary>
internal static class AnswerCheck
{
    public static async Task<(RcaReport Answer, IReadOnlyList<string> Problems)> CheckAsync(
        RcaReport answer, RcaInput input, IRcaSymbolLookup? lookup, CancellationToken cancellationToken)
    {
        var cause = answer.LikelyRootCause;
        var first = cause.LineRange[0];
        var last = cause.LineRange[1];
        if (first > last)
            return (answer, [Say($"line_range [{first}, {last}] ends before it starts")]);

        (string File, string Symbol, int StartLine, int EndLine)? target = null;
        foreach (var candidate in input.Candidates)
        {
            if (SamePath(candidate.File, cause.FilePath) && SameSymbol(candidate.Symbol, cause.Symbol))
            {
                target = (candidate.File, candidate.Symbol, candidate.StartLine, candidate.EndLine);
                break;
            }
        }

        if (target is null && lookup is not null)
            target = await lookup.FindAsync(input.Commit, cause.FilePath, cause.Symbol, cancellationToken);
        if (target is not { } found)
        {
            var names = string.Join("; ", input.Candidates.Select(c => Say($"{c.Symbol} in {c.File} (lines {c.StartLine}-{c.EndLine})")));
            return (answer, [$"the root cause {cause.Symbol} in {cause.FilePath} is not one of the code candidates; choose one of: {names}"]);
        }

        if (first < found.StartLine || last > found.EndLine)
            return (answer, [Say($"line_range [{first}, {last}] lies outside {found.Symbol}, which spans lines {found.StartLine}-{found.EndLine}")]);
        return (answer with { LikelyRootCause = cause with { FilePath = found.File, Symbol = found.Symbol } }, []);
    }

    private static bool SamePath(string candidate, string answer)
    {
        var a = candidate.Replace('\\', '/').TrimStart('/');
        var b = answer.Replace('\\', '/').TrimStart('/');
        return a.Equals(b, StringComparison.Ordinal)
            || a.EndsWith("/" + b, StringComparison.Ordinal)
            || b.EndsWith("/" + a, StringComparison.Ordinal);
    }

    // "OrderService.Place" for "Shop.Orders.OrderService.Place"; also "::" and "#" qualified names.
    private static bool SameSymbol(string candidate, string answer)
    {
        var b = answer.Trim();
        if (b.EndsWith("()", StringComparison.Ordinal))
            b = b[..^2];
        if (candidate.Equals(b, StringComparison.Ordinal))
            return true;
        foreach (var separator in new[] { ".", "::", "#", "/" })
        {
            if (candidate.EndsWith(separator + b, StringComparison.Ordinal) || b.EndsWith(separator + candidate, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
