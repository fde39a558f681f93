using System.Security.Cryptography;
using System.Text;

namespace Culprit.Grouping;

/// <summary>The hash every grouping version uses: the first 128 bits of SHA-256 over version, basis and components, one per line.</summary>
internal static class FingerprintHash
{
    public static Fingerprint Make(string version, string basis, List<string> components)
    {
        var text = version + "\n" + basis + "\n" + string.Join('\n', components);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Fingerprint(Convert.ToHexStringLower(hash, 0, 16), version, basis, components);
    }
}
