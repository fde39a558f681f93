using System.Security.Cryptography;
using System.Text;

namespace Culprit.Storage.Accounts;

/// <summary>
/// API key secrets: <c>cpk_</c> and 43 URL-safe characters (32 random bytes). The store keeps the SHA-256 of the
/// secret and its first 12 characters as a prefix to show. A fast hash is enough: the secret is random, not a password.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Marker = "cpk_";
    public const int PrefixLength = 12;

    public static string Generate()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return Marker + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Prefix(string secret) => secret[..PrefixLength];

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
