namespace Culprit.Rca.Redaction;

/// <summary>
/// What is masked before an RCA prompt leaves the machine (<c>rca.redact.*</c>). Every built-in kind is on by
/// default; <see cref="Patterns"/> adds the user's own regular expressions (placeholder kind <c>custom</c>).
/// </summary>
public sealed class RedactionOptions
{
    /// <summary>Off only for a model on this machine (Ollama, llama.cpp); default true.</summary>
    public bool Enabled { get; set; } = true;

    public bool Emails { get; set; } = true;

    public bool IpAddresses { get; set; } = true;

    /// <summary>13–19 digit numbers that pass the Luhn check.</summary>
    public bool CardNumbers { get; set; } = true;

    /// <summary>JWTs, bearer tokens, API keys with a known prefix and <c>key=/token=/secret=/password=</c> values.</summary>
    public bool Secrets { get; set; } = true;

    /// <summary>The password of <c>scheme://user:password@host</c>.</summary>
    public bool UrlPasswords { get; set; } = true;

    /// <summary>Extra .NET regular expressions; each whole match is masked.</summary>
    public IList<string> Patterns { get; } = [];

    /// <summary>Every problem with these options, as readable sentences; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        for (var i = 0; i < Patterns.Count; i++)
        {
            if (string.IsNullOrEmpty(Patterns[i]))
            {
                problems.Add($"rca.redact.patterns[{i}]: the pattern is empty");
                continue;
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(Patterns[i], System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                problems.Add($"rca.redact.patterns[{i}]: '{Patterns[i]}' is not a valid regular expression ({e.Message})");
            }
        }

        return problems;
    }
}
