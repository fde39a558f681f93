using System.Text.RegularExpressions;

namespace Culprit.Rca.Redaction;

/// <summary>The built-in patterns of <see cref="Redactor"/>, applied in the order they are listed there.</summary>
internal static partial class SecretPatterns
{
    /// <summary><c>scheme://user:password@host</c>: only the password is masked.</summary>
    [GeneratedRegex(@"(?<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\s]+:)(?<value>[^@/?#\s]+)(?=@)", RegexOptions.CultureInvariant)]
    public static partial Regex UrlPassword();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}", RegexOptions.CultureInvariant)]
    public static partial Regex Jwt();

    /// <summary>Keys whose prefix names the issuer: OpenAI/Anthropic <c>sk-</c>, GitHub, AWS, Slack, Google, GitLab, Stripe.</summary>
    [GeneratedRegex(
        @"\b(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35}|glpat-[A-Za-z0-9_-]{20,}|[rs]k_live_[A-Za-z0-9]{16,})",
        RegexOptions.CultureInvariant)]
    public static partial Regex ApiKey();

    [GeneratedRegex(@"(?<head>\bBearer\s+)(?<value>[A-Za-z0-9._~+/=-]{8,})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex Bearer();

    /// <summary><c>password=…</c>, <c>api_key: …</c>, <c>"token": "…"</c> and the like: the value is masked.</summary>
    [GeneratedRegex(
        @"(?<head>\b[A-Za-z0-9_.-]*(?:api[_-]?key|apikey|token|secret|passw(?:or)?d|pwd|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*""?\s*[=:]\s*""?)(?<value>[^\s""'&,;}\]]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex KeyValue();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex CardNumber();

    [GeneratedRegex(@"(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?![0-9]|\.[0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex IPv4();

    /// <summary>A run of hex groups and colons; <see cref="Redactor"/> keeps only what parses as an IPv6 address.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})?(?![A-Za-z0-9_:])", RegexOptions.CultureInvariant)]
    public static partial Regex IPv6();

    /// <summary>An unquoted identifier, member access or call: <c>request.Password</c>, <c>GetToken()</c>, <c>null</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z_$@][A-Za-z0-9_$]*(?:(?:\.|->|::)[A-Za-z_$][A-Za-z0-9_$]*)*(?:\(.*)?$", RegexOptions.CultureInvariant)]
    public static partial Regex CodeExpression();
}
