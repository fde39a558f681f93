using System.Text.Json;
using Culprit.Model;
using Json.Schema;

namespace Culprit.Rca.Llm;

/// <summary>
/// Reads a model's answer: JSON (a code fence or text around the object is tolerated), valid against
/// <see cref="Prompts.RcaAnswerSchema"/>. Problems come back as sentences that are sent to the model for repair.
/// </summary>
internal static class AnswerParser
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    public static bool TryParse(string? text, out RcaReport answer, out IReadOnlyList<string> problems)
    {
        answer = null!;
        var json = ObjectText(text);
        if (json is null)
        {
            problems = ["the answer holds no JSON object"];
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problems = [$"the answer is not valid JSON: {e.Message}"];
            return false;
        }

        using (document)
        {
            var results = Prompts.RcaAnswerSchema.Schema.Evaluate(document.RootElement, Evaluation);
            if (!results.IsValid)
            {
                problems = SchemaErrors(results);
                return false;
            }

            try
            {
                answer = document.RootElement.Deserialize<RcaReport>()!;
            }
            catch (JsonException e)
            {
                problems = [$"the answer does not match the schema: {e.Message}"];
                return false;
            }
        }

        problems = [];
        return true;
    }

    private static string? ObjectText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start < 0 || end < start ? null : text[start..(end + 1)];
    }

    private static List<string> SchemaErrors(EvaluationResults results)
    {
        var problems = new List<string>();
        Collect(results, problems);
        if (problems.Count == 0)
            problems.Add("the answer does not match the schema");
        return problems;
    }

    private static void Collect(EvaluationResults results, List<string> problems)
    {
        if (results.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                var where = results.InstanceLocation.ToString();
                var line = $"{(where.Length == 0 ? "/" : where)}: {message} ({keyword})";
                if (!problems.Contains(line))
                    problems.Add(line);
            }
        }

        if (results.Details is { } details)
        {
            foreach (var detail in details)
                Collect(detail, problems);
        }
    }
}
