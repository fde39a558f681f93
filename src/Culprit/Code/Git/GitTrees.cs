using System.Text;
using LibGit2Sharp;

namespace Culprit.Code.Git;

/// <summary>Files of a commit's tree and their text.</summary>
internal static class GitTrees
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static IReadOnlyList<RepoFile> List(Tree tree)
    {
        var files = new List<RepoFile>();
        Walk(tree, files);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    public static string? ReadText(Tree tree, string path)
    {
        if (FindBlob(tree, path) is not { } blob || blob.IsBinary)
            return null;
        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream(checked((int)blob.Size));
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        return Utf8.GetString(bytes);
    }

    public static Blob? FindBlob(Tree tree, string path)
    {
        var clean = path.Replace('\\', '/').Trim('/');
        if (clean.Length == 0)
            return null;
        return tree[clean] is { TargetType: TreeEntryTargetType.Blob } entry ? (Blob)entry.Target : null;
    }

    private static void Walk(Tree tree, List<RepoFile> files)
    {
        foreach (var entry in tree)
        {
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Blob:
                    var blob = (Blob)entry.Target;
                    files.Add(new RepoFile(entry.Path.Replace('\\', '/'), blob.Sha, blob.Size));
                    break;
                case TreeEntryTargetType.Tree:
                    Walk((Tree)entry.Target, files);
                    break;
            }
        }
    }
}
