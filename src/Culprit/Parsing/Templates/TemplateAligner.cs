namespace Culprit.Parsing.Templates;

/// <summary>
/// Finds which tokens of a shape fill each <c>&lt;*&gt;</c> of a template: constants must equal tokens one to
/// one; a variable takes one token, or several within one whitespace-separated chunk, or none when it is
/// glued to its neighbours (<c>()</c> for <c>(&lt;*&gt;)</c>). Depth-first, one token per variable first, so a
/// token-level match aligns one to one.
/// </summary>
internal static class TemplateAligner
{
    /// <summary>The plan (first and end token per variable), or null when the shape does not fit the template.</summary>
    public static int[]? Align(TemplateToken[] template, TemplateToken[] shape)
    {
        var plan = new int[CountVariables(template) * 2];
        var failed = new HashSet<long>();
        return Match(template, shape, 0, 0, 0, plan, failed) ? plan : null;
    }

    private static bool Match(TemplateToken[] tpl, TemplateToken[] shape, int ti, int si, int vi, int[] plan, HashSet<long> failed)
    {
        if (ti == tpl.Length)
            return si == shape.Length;
        var key = ((long)ti << 32) | (uint)si;
        if (failed.Contains(key))
            return false;

        var tok = tpl[ti];
        if (tok.IsVariable)
        {
            if (si < shape.Length && shape[si].SpaceBefore == tok.SpaceBefore)
            {
                var end = si + 1;
                while (true)
                {
                    plan[2 * vi] = si;
                    plan[(2 * vi) + 1] = end;
                    if (Match(tpl, shape, ti + 1, end, vi + 1, plan, failed))
                        return true;
                    if (end < shape.Length && !shape[end].SpaceBefore)
                        end++;
                    else
                        break;
                }
            }

            if (!tok.SpaceBefore && (ti + 1 == tpl.Length || !tpl[ti + 1].SpaceBefore) && (si == shape.Length || !shape[si].SpaceBefore))
            {
                plan[2 * vi] = si;
                plan[(2 * vi) + 1] = si;
                if (Match(tpl, shape, ti + 1, si, vi + 1, plan, failed))
                    return true;
            }
        }
        else if (si < shape.Length && !shape[si].IsVariable && shape[si].SpaceBefore == tok.SpaceBefore
                 && string.Equals(shape[si].Text, tok.Text, StringComparison.Ordinal)
                 && Match(tpl, shape, ti + 1, si + 1, vi, plan, failed))
        {
            return true;
        }

        failed.Add(key);
        return false;
    }

    private static int CountVariables(TemplateToken[] template)
    {
        var n = 0;
        foreach (var t in template)
        {
            if (t.IsVariable)
                n++;
        }

        return n;
    }
}
