using System.Globalization;
using Culprit.Rca.Llm;
using Microsoft.Extensions.Configuration;

namespace Culprit.Cli;

/// <summary>
/// Reads the <c>rca</c> section of <c>culprit.yaml</c> (or <c>CULPRIT__RCA__KEY</c> variables) into
/// <see cref="RcaOptions"/>, reporting every problem at once.
/// </summary>
public static class RcaConfiguration
{
    public static RcaOptions Read(IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("rca");
        var options = new RcaOptions { TranscriptDirectory = Path.Combine(dataDirectory, "rca", "transcripts") };
        var problems = new List<string>();
        if (section["engine"] is { } engine)
        {
            if (RcaEngineKinds.TryParse(engine, out var kind))
                options.Engine = kind;
            else
                problems.Add($"rca.engine: '{engine}' is not an engine (use {RcaEngineKinds.AllNames})");
        }

        if (Blank(section["api_key"]) is not null)
            problems.Add("rca.api_key: keys are never read from the configuration; put the key in an environment variable and name it in rca.api_key_env");
        options.Model = Blank(section["model"]);
        options.Endpoint = Blank(section["endpoint"]);
        options.ApiKeyEnv = Blank(section["api_key_env"]);
        options.TranscriptDirectory = Blank(section["transcripts"]) ?? options.TranscriptDirectory;
        options.TimeoutSeconds = Int(section, "timeout_seconds", options.TimeoutSeconds, problems);
        options.MaxConcurrency = Int(section, "max_concurrency", options.MaxConcurrency, problems);
        options.RequestsPerMinute = Int(section, "requests_per_minute", options.RequestsPerMinute, problems);
        options.MaxRetries = Int(section, "max_retries", options.MaxRetries, problems);
        options.RetryDelayMs = Int(section, "retry_delay_ms", options.RetryDelayMs, problems);
        options.MaxInputTokens = Int(section, "max_input_tokens", options.MaxInputTokens, problems);
        options.MaxOutputTokens = Int(section, "max_output_tokens", options.MaxOutputTokens, problems);
        options.PriceInputPerMTok = Price(section, "price_input_per_mtok", problems);
        options.PriceOutputPerMTok = Price(section, "price_output_per_mtok", problems);

        var redact = section.GetSection("redact");
        if (redact.Value is { } flag)
            options.Redact.Enabled = Bool(flag, "rca.redact", problems, options.Redact.Enabled);
        options.Redact.Enabled = Flag(redact, "enabled", options.Redact.Enabled, problems);
        options.Redact.Emails = Flag(redact, "emails", options.Redact.Emails, problems);
        options.Redact.IpAddresses = Flag(redact, "ip_addresses", options.Redact.IpAddresses, problems);
        options.Redact.CardNumbers = Flag(redact, "card_numbers", options.Redact.CardNumbers, problems);
        options.Redact.Secrets = Flag(redact, "secrets", options.Redact.Secrets, problems);
        options.Redact.UrlPasswords = Flag(redact, "url_passwords", options.Redact.UrlPasswords, problems);
        foreach (var pattern in redact.GetSection("patterns").GetChildren().OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
            options.Redact.Patterns.Add(pattern.Value ?? "");

        problems.AddRange(options.Validate());
        if (problems.Count > 0)
            throw new UsageException("invalid configuration: " + string.Join("; ", problems));
        return options;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int Int(IConfiguration section, string key, int fallback, List<string> problems)
    {
        var text = Blank(section[key]);
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add($"rca.{key}: '{text}' is not a whole number");
        return fallback;
    }

    private static double? Price(IConfiguration section, string key, List<string> problems)
    {
        var text = Blank(section[key]);
        if (text is null)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        problems.Add($"rca.{key}: '{text}' is not a price in US dollars per million tokens");
        return null;
    }

    private static bool Flag(IConfiguration section, string key, bool fallback, List<string> problems) =>
        Blank(section[key]) is { } text ? Bool(text, "rca.redact." + key, problems, fallback) : fallback;

    private static bool Bool(string text, string key, List<string> problems, bool fallback)
    {
        if (bool.TryParse(text.Trim(), out var value))
            return value;
        problems.Add($"{key}: '{text}' is not true or false");
        return fallback;
    }
}
