using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Culprit.Rca.Redaction;

/// <summary>
/// Masks secrets and personal data in text that is about to leave the machine, recording each value in a
/// <see cref="RedactionMap"/> so the answer can be restored. Kinds: <c>password</c> (in URLs), <c>jwt</c>,
/// <c>api_key</c>, <c>token</c> (bearer), <c>secret</c> (key=value), <c>email</c>, <c>card</c>, <c>ip</c>,
/// <c>custom</c>. One instance per analysis; thread-safe.
/// </summary>
public sealed class Redactor
{
    private readonly RedactionOptions _options;
    private readonly Regex[] _custom;

    public Redactor(RedactionOptions options, RedactionMap? map = null)
    {
        _options = options;
        Map = map ?? new RedactionMap();
        _custom = new Regex[options.Patterns.Count];
        for (var i = 0; i < _custom.Length; i++)
            _custom[i] = new Regex(options.Patterns[i], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public RedactionMap Map { get; }

    /// <summary>Masks log text: every built-in kind that is on, then the custom patterns.</summary>
    public string? Redact(string? text) => Redact(text, code: false);

    /// <summary>
    /// Masks source code: as <see cref="Redact(string?)"/>, except that <c>password = request.Password</c> keeps its
    /// unquoted identifier (a literal such as <c>password = "hunter2"</c> is still masked).
    /// </summary>
    public string? RedactCode(string? text) => Redact(text, code: true);

    private string? Redact(string? text, bool code)
    {
        if (string.IsNullOrEmpty(text) || !_options.Enabled)
            return text;
        if (_options.UrlPasswords)
            text = ReplaceGroup(SecretPatterns.UrlPassword(), text, "password");
        if (_options.Secrets)
        {
            text = ReplaceWhole(SecretPatterns.Jwt(), text, "jwt");
            text = ReplaceWhole(SecretPatterns.ApiKey(), text, "api_key");
            text = ReplaceGroup(SecretPatterns.Bearer(), text, "token");
            text = code ? ReplaceAssignedLiteral(text) : ReplaceGroup(SecretPatterns.KeyValue(), text, "secret");
        }

        if (_options.Emails)
            text = ReplaceWhole(SecretPatterns.Email(), text, "email");
        if (_options.CardNumbers)
            text = SecretPatterns.CardNumber().Replace(text, m => Luhn.IsValid(m.ValueSpan) ? Map.PlaceholderFor("card", m.Value) : m.Value);
        if (_options.IpAddresses)
        {
            text = ReplaceWhole(SecretPatterns.IPv4(), text, "ip");
            text = SecretPatterns.IPv6().Replace(text, m => IsIPv6(m.Value) ? Map.PlaceholderFor("ip", m.Value) : m.Value);
        }

        foreach (var custom in _custom)
            text = ReplaceWhole(custom, text, "custom");
        return text;
    }

    private string ReplaceWhole(Regex regex, string text, string kind) =>
        regex.Replace(text, m => RedactionMap.IsPlaceholder(m.Value) ? m.Value : Map.PlaceholderFor(kind, m.Value));

    private string ReplaceGroup(Regex regex, string text, string kind) =>
        regex.Replace(text, m =>
        {
            var value = m.Groups["value"].Value;
            return RedactionMap.IsPlaceholder(value) || value.StartsWith('<') ? m.Value : m.Groups["head"].Value + Map.PlaceholderFor(kind, value);
        });

    private string ReplaceAssignedLiteral(string text) =>
        SecretPatterns.KeyValue().Replace(text, m =>
        {
            var value = m.Groups["value"].Value;
            var quoted = m.Groups["head"].Value.EndsWith('"');
            if (RedactionMap.IsPlaceholder(value) || value.StartsWith('<') || (!quoted && SecretPatterns.CodeExpression().IsMatch(value)))
                return m.Value;
            return m.Groups["head"].Value + Map.PlaceholderFor("secret", value);
        });

    // "dead::beef" parses, and so would a Rust path made of hex letters; a digit and two groups make an address.
    private static bool IsIPv6(string text) =>
        text.Length >= 3
        && text.AsSpan().IndexOfAnyInRange('0', '9') >= 0
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;
}
