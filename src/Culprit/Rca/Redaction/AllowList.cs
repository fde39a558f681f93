using Culprit.Model;
using Culprit.Rca.Prompts;

namespace Culprit.Rca.Redaction;

/// <summary>
/// The only fields of an <see cref="RcaInput"/> that may leave the machine, each passed through the
/// <see cref="Redactor"/> (docs/rca.md lists them): incident id, title, service, environment, version, commit,
/// the log message; the exception chain's types and messages; the root exception's frames (file, line, function,
/// own code or not); each candidate's file, symbol, lines, origin and code; parameters' names, values and matched
/// names; suspect changes' short sha, day, summary, file, symbol and changed lines; related log lines. Never sent:
/// raw trace text, thread names, counts and first/last seen, scores, change authors.
/// </summary>
public static class AllowList
{
    public static PromptFacts From(RcaInput input, Redactor redactor)
    {
        var root = input.RootException ?? input.Exception?.Root;
        return new PromptFacts
        {
            IncidentId = input.IncidentId,
            Title = redactor.Redact(input.Title)!,
            Service = redactor.Redact(input.Service),
            Environment = redactor.Redact(input.Environment),
            Version = redactor.Redact(input.Version),
            Commit = input.Commit,
            Message = redactor.Redact(input.Message),
            Exceptions = Chain(input.Exception, redactor),
            Frames = root is null ? [] : [.. root.InnermostFirst.Select(f => Frame(f, redactor))],
            Candidates = [.. input.Candidates.Select(c => Candidate(c, redactor))],
            Parameters = [.. input.Parameters.Select(p => new PromptParameter(redactor.Redact(p.Name)!, redactor.Redact(p.Value)!, p.MatchedName, p.MatchedSymbol))],
            Changes = [.. input.SuspectChanges.Select(c => Change(c, redactor))],
            RelatedLines = [.. input.RelatedLines.Select(l => redactor.Redact(l)!)],
        };
    }

    private static PromptChainLink[] Chain(ExceptionInfo? exception, Redactor redactor)
    {
        if (exception is null)
            return [];
        var chain = new List<PromptChainLink> { new(redactor.Redact(exception.Type), redactor.Redact(exception.FullMessage)) };
        foreach (var cause in exception.Causes)
            chain.Add(new PromptChainLink(redactor.Redact(cause.Type), redactor.Redact(cause.FullMessage)));
        return [.. chain];
    }

    private static PromptFrame Frame(Frame frame, Redactor redactor)
    {
        var function = frame.Module is null ? frame.Function : frame.Function is null ? frame.Module : frame.Module + "." + frame.Function;
        return new PromptFrame(redactor.Redact(frame.File), frame.Line, redactor.Redact(function), frame.InApp);
    }

    private static PromptCandidate Candidate(RcaCandidate c, Redactor redactor) => new()
    {
        File = redactor.Redact(c.File)!,
        Symbol = redactor.Redact(c.Symbol)!,
        StartLine = c.StartLine,
        EndLine = c.EndLine,
        FailingLine = c.FailingLine,
        Origin = c.Origin,
        Code = redactor.RedactCode(c.Code)!,
        CodeStartLine = c.CodeStartLine,
    };

    private static PromptChange Change(SuspectChangeSummary c, Redactor redactor) => new(
        c.Sha.Length > 12 ? c.Sha[..12] : c.Sha,
        DateOnly.FromDateTime(c.When.UtcDateTime),
        redactor.Redact(c.Summary)!,
        redactor.Redact(c.File)!,
        redactor.Redact(c.Symbol)!,
        c.ChangedLines);
}
