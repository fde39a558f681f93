using System.Text.RegularExpressions;
using Culprit.Model;

namespace Culprit.Rca.Parameters;

/// <summary>
/// Collects the values an occurrence carries: structured attributes (JSON fields, logfmt pairs), key=value pairs in
/// the message, template parameters, values quoted in the exception message, and the same from entries sharing the
/// occurrence's trace or request id. Names are kept as written; each value once per name.
/// </summary>
public static partial class ParameterExtractor
{
    /// <summary>Fields that describe the log record rather than the request, never reported as parameters.</summary>
    private static readonly HashSet<string> NotParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "trace_id", "traceid", "span_id", "spanid", "service", "version", "commit", "commit_sha", "level", "logger", "time",
        "timestamp", "@timestamp", "ts", "msg", "message", "host", "hostname", "pid", "thread", "env", "environment", "caller",
        "stack", "exception", "err", "error", "severity", "v", "name", "source", "file", "line", "dd.trace_id", "dd.span_id",
    };

    public const int MaxParameters = 40;

    public static List<ExtractedParameter> FromOccurrence(LogEntry entry, ExceptionInfo? root)
    {
        var found = new List<ExtractedParameter>();
        foreach (var (key, value) in entry.Attributes)
        {
            if (!IsErrorField(key))
                Add(found, key, value, "json");
        }
        // Only the message's first line: the lines after it are the trace, whose code would read as pairs.
        foreach (Match kv in KeyValue().Matches(FirstLine(entry.Message)))
            Add(found, kv.Groups[1].Value, kv.Groups[2].Value.Trim('"', '\''), "kv");
        if (entry.TemplateParameters is { Count: > 0 } parameters)
        {
            for (var i = 0; i < parameters.Count; i++)
                Add(found, $"template_param_{i + 1}", parameters[i], "template");
        }
        if (root is not null)
            FromExceptionMessage(found, root);
        return found;
    }

    /// <summary>Attributes and key=value pairs of entries of the same trace or request (not the occurrence itself).</summary>
    public static List<ExtractedParameter> FromRelated(IEnumerable<LogEntry> related)
    {
        var found = new List<ExtractedParameter>();
        foreach (var entry in related)
        {
            foreach (var (key, value) in entry.Attributes)
                Add(found, key, value, "trace");
            foreach (Match kv in KeyValue().Matches(FirstLine(entry.Message)))
                Add(found, kv.Groups[1].Value, kv.Groups[2].Value.Trim('"', '\''), "trace");
        }
        return found;
    }

    private static void FromExceptionMessage(List<ExtractedParameter> found, ExceptionInfo root)
    {
        var message = root.Message ?? "";
        var family = Heuristic.ExceptionFamilies.Classify(root.Type, message);
        var quoted = Quoted().Matches(message);
        if (family == Heuristic.ExceptionFamily.KeyOrIndex)
        {
            if (quoted.Count > 0)
                Add(found, "key", quoted[0].Groups[2].Value, "message");
            var index = IndexValue().Match(message);
            if (index.Success)
                Add(found, "index", index.Groups[1].Value, "message");
            else if (BareNumber().IsMatch(message.Trim()))
                Add(found, "index", message.Trim(), "message");
        }
        var property = ReadProperty().Match(message);
        if (property.Success)
            Add(found, "property", property.Groups[1].Value, "message");
        var attribute = MissingAttribute().Match(message);
        if (attribute.Success)
        {
            Add(found, "value_type", attribute.Groups[1].Value, "message");
            Add(found, "attribute", attribute.Groups[2].Value, "message");
        }
        foreach (Match kv in KeyValue().Matches(message))
            Add(found, kv.Groups[1].Value, kv.Groups[2].Value.Trim('"', '\''), "message");
        foreach (Match labelled in LabelledValue().Matches(message))
            Add(found, labelled.Groups[1].Value, labelled.Groups[2].Value, "message");
        var n = 0;
        foreach (Match q in quoted)
        {
            var value = q.Groups[2].Value;
            // Names of code (com.shop.Customer.getAddress(), String.length()) say where, not with what.
            if (found.Exists(p => p.Value == value) || CodeName().IsMatch(value))
                continue;
            Add(found, $"quoted_{++n}", value, "message");
        }
    }

    /// <summary>Fields holding the error itself (<c>err.message</c>, <c>error.stack</c>): the exception, not its inputs.</summary>
    private static bool IsErrorField(string key) =>
        key.StartsWith("err.", StringComparison.OrdinalIgnoreCase) || key.StartsWith("error.", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("exception.", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    private static void Add(List<ExtractedParameter> found, string name, string value, string source)
    {
        if (found.Count >= MaxParameters || value.Length == 0 || value.Length > 200 || NotParameters.Contains(name))
            return;
        if (found.Exists(p => p.Name == name && p.Value == value))
            return;
        found.Add(new ExtractedParameter(name, value, source));
    }

    [GeneratedRegex(@"(?<![\w.])([A-Za-z_][\w.-]{0,40})=(""[^""]*""|'[^']*'|[^\s,;)\]}]+)")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"(['""`])([^'""`]{1,120})\1")]
    private static partial Regex Quoted();

    /// <summary>JavaScript's <c>Cannot read properties of undefined (reading 'price')</c>.</summary>
    [GeneratedRegex(@"\(reading '([^']+)'\)")]
    private static partial Regex ReadProperty();

    /// <summary>Python's <c>'bool' object has no attribute 'decode'</c>.</summary>
    [GeneratedRegex(@"'(\w+)' object has no attribute '(\w+)'")]
    private static partial Regex MissingAttribute();

    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(\.[A-Za-z_$<>][\w$<>]*)+(\(\))?$")]
    private static partial Regex CodeName();

    [GeneratedRegex(@"[Ii]ndex:?\s*(-?\d+)")]
    private static partial Regex IndexValue();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex BareNumber();

    /// <summary><c>Minutes out of range: -15</c>, <c>timeout after 5879 ms</c> → (Minutes, -15).</summary>
    [GeneratedRegex(@"\b([A-Za-z][A-Za-z_]{2,30})\b[^:'""\d]{0,20}:\s*(-?\d+(?:\.\d+)?)\b")]
    private static partial Regex LabelledValue();
}
