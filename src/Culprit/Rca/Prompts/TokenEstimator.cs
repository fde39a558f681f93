namespace Culprit.Rca.Prompts;

/// <summary>
/// A tokenizer-free estimate of a prompt's size, a little better than characters / 4 for code: a run of letters
/// or digits counts one token per 4 characters (rounded up), every other visible character one token, and
/// whitespace nothing except newlines (one each). Within ~15% of the BPE tokenizers on English and code.
/// </summary>
public static class TokenEstimator
{
    public static int Estimate(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return 0;
        var tokens = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                run++;
                continue;
            }

            tokens += (run + 3) / 4;
            run = 0;
            if (c == '\n' || !char.IsWhiteSpace(c))
                tokens++;
        }

        return tokens + ((run + 3) / 4);
    }
}
