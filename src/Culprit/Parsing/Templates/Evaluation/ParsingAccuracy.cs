namespace Culprit.Parsing.Templates.Evaluation;

/// <summary>
/// Scores predicted templates against ground truth with the Loghub-2.0 definitions (Jiang et al., ISSTA 2024):
/// GA and PA per line, FGA and FTA per template. Template texts are compared after whitespace normalisation;
/// predicted groups are the distinct normalised predicted texts; truth lines with an empty template are left
/// out, and a truth line without a prediction is a wrong group of its own.
/// </summary>
public static class ParsingAccuracy
{
    /// <param name="truth">Line id → ground-truth template.</param>
    /// <param name="predicted">Line id → predicted template.</param>
    public static AccuracyScores Evaluate(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predicted)
    {
        var lines = new List<(string Truth, string? Predicted, string Group)>();
        var missing = 0;
        foreach (var (id, template) in truth)
        {
            var t = Normalize(template);
            if (t.Length == 0)
                continue;
            if (predicted.TryGetValue(id, out var p))
            {
                var text = Normalize(p);
                lines.Add((t, text, "g\u0000" + text));
            }
            else
            {
                missing++;
                lines.Add((t, null, "m\u0000" + id));
            }
        }

        if (lines.Count == 0)
            throw new ArgumentException("no evaluated lines: the ground truth is empty", nameof(truth));

        var truthGroups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var predictedGroups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            Add(truthGroups, lines[i].Truth, i);
            Add(predictedGroups, lines[i].Group, i);
        }

        int groupedLines = 0, correctGroups = 0, correctTemplates = 0, parsedLines = 0;
        foreach (var (text, members) in truthGroups)
        {
            var group = lines[members[0]].Group;
            if (members.TrueForAll(m => lines[m].Group == group) && predictedGroups[group].Count == members.Count)
            {
                groupedLines += members.Count;
                correctGroups++;
                if (lines[members[0]].Predicted == text)
                    correctTemplates++;
            }
        }

        foreach (var line in lines)
        {
            if (line.Predicted == line.Truth)
                parsedLines++;
        }

        int n = lines.Count, no = truthGroups.Count, np = predictedGroups.Count;
        double pga = (double)correctGroups / np, rga = (double)correctGroups / no;
        double pta = (double)correctTemplates / np, rta = (double)correctTemplates / no;
        return new AccuracyScores
        {
            Lines = n,
            MissingPredictions = missing,
            TruthTemplates = no,
            PredictedTemplates = np,
            CorrectGroups = correctGroups,
            CorrectTemplates = correctTemplates,
            GA = (double)groupedLines / n,
            PA = (double)parsedLines / n,
            PGA = pga,
            RGA = rga,
            FGA = F1(pga, rga),
            PTA = pta,
            RTA = rta,
            FTA = F1(pta, rta),
        };
    }

    /// <summary>Leading and trailing whitespace removed, every run of whitespace replaced by one space.</summary>
    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double F1(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static void Add(Dictionary<string, List<int>> groups, string key, int line)
    {
        if (!groups.TryGetValue(key, out var list))
            groups.Add(key, list = []);
        list.Add(line);
    }
}
