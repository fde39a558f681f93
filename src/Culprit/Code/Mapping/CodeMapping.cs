namespace Culprit.Code.Mapping;

/// <summary>
/// A path prefix as the runtime printed it (<c>/app/</c>, <c>/home/runner/work/shop/shop/</c>) and the repository
/// path it stands for (<c>src/</c>, or empty for the repository root). Written <c>FROM=TO</c> on the command line.
/// </summary>
public sealed record CodeMapping(string From, string To)
{
    /// <summary>Reads <c>FROM=TO</c>; null with a message when the text is not of that form.</summary>
    public static CodeMapping? TryParse(string text, out string? error)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            error = $"code mapping '{text}' is not FROM=TO (for example /app/=src/)";
            return null;
        }
        error = null;
        return new CodeMapping(text[..eq].Replace('\\', '/'), text[(eq + 1)..].Replace('\\', '/').TrimStart('/'));
    }
}
