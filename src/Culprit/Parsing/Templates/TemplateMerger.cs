namespace Culprit.Parsing.Templates;

/// <summary>
/// Generalisation and merging of templates. A word position becomes <c>&lt;*&gt;</c> when templates equal
/// everywhere else show enough distinct words there (<see cref="TemplateOptions.MinDistinctValues"/>, fewer
/// after <c>=</c> or beside a recognised variable, more when all are upper-case words) and enough constant
/// words remain; then every template the
/// general one covers is merged into it. A template that differs from another only by an empty glued variable
/// (<c>()</c> against <c>(&lt;*&gt;)</c>) is merged into the one with the variable.
/// </summary>
internal sealed class TemplateMerger(TemplateIndex index, TemplateOptions options)
{
    /// <summary>Generalises positions of <paramref name="t"/> while its siblings allow it; returns the resulting template.</summary>
    public Template Generalise(Template t)
    {
        var changed = true;
        while (changed && t.Alive)
        {
            changed = false;
            var tokens = t.Tokens;
            for (var p = 0; p < tokens.Length; p++)
            {
                if (!TemplateIndex.IsSiblingPosition(tokens[p]))
                    continue;
                var group = index.Siblings(t, p);
                if (group.Count < 2 || !ShouldGeneralise(tokens, p, group))
                    continue;
                var general = (TemplateToken[])tokens.Clone();
                general[p] = TemplateToken.Learned(tokens[p].SpaceBefore);
                var members = group.ToArray();
                foreach (var x in members)
                    index.Drop(x);
                var merged = index.GetOrCreate(general);
                foreach (var x in members)
                    Forward(x, merged);
                Absorb(merged);
                t = merged;
                changed = true;
                break;
            }
        }

        return t;
    }

    /// <summary>Merges into <paramref name="general"/> every live template it covers.</summary>
    public void Absorb(Template general)
    {
        // without a variable a template covers only itself
        if (!general.Alive || general.ParameterCount == 0)
            return;
        var loose = general.ConstantWords >= options.MinConstantWords;
        foreach (var t in index.Coverable(general).ToArray())
        {
            if (ReferenceEquals(t, general) || !t.Alive)
                continue;
            if ((t.Tokens.Length == general.Tokens.Length && TemplateMatcher.Matches(general.Tokens, t.Tokens, loose))
                || TemplateMatcher.ChunkMatches(general, t.Tokens, options.MinConstantWords))
            {
                index.Drop(t);
                Forward(t, general);
            }
        }
    }

    /// <summary>Merges templates that differ from <paramref name="t"/> by one empty glued variable; returns the survivor.</summary>
    public Template MergeEmptyVariables(Template t)
    {
        var tokens = t.Tokens;
        for (var p = 1; p + 1 < tokens.Length; p++)
        {
            if (!TemplateIndex.MayBeEmpty(tokens, p))
                continue;
            var shorter = index.Exact([.. tokens.AsSpan(0, p), .. tokens.AsSpan(p + 1)]);
            if (shorter is not null && !ReferenceEquals(shorter, t) && shorter.Alive)
            {
                index.Drop(shorter);
                Forward(shorter, t);
            }
        }

        var longer = index.WithOneMoreVariable(t);
        if (longer is null)
            return t;
        index.Drop(t);
        Forward(t, longer);
        return longer;
    }

    private bool ShouldGeneralise(TemplateToken[] tokens, int p, IReadOnlyList<Template> group)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in group)
            values.Add(x.Tokens[p].Text);
        if (values.Count < 2)
            return false;
        var afterEquals = p > 0 && tokens[p - 1].Text == "=" && !tokens[p].SpaceBefore;
        var need = afterEquals || values.Contains(TemplateToken.Wildcard) ? options.MinDistinctKeyValues : options.MinDistinctValues;
        if (need < options.MinDistinctUpperCaseValues && values.All(IsUpperCaseWord))
            need = options.MinDistinctUpperCaseValues;
        var remaining = TemplateMatcher.ConstantWords(tokens) - (tokens[p].IsConstantWord ? 1 : 0);
        return values.Count >= need && remaining >= options.MinConstantWords;
    }

    /// <summary>An upper-case word: a capital, then capitals, digits or underscores (<c>GET</c>, <c>TASK_ABORT</c>).</summary>
    private static bool IsUpperCaseWord(string v)
    {
        if (v.Length < 2 || !char.IsAsciiLetterUpper(v[0]))
            return false;
        foreach (var c in v)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
                return false;
        }

        return true;
    }

    private void Forward(Template from, Template to)
    {
        from.MergedInto = to;
        to.Absorb(from, options.MaxExamples);
    }
}
