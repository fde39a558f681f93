namespace Culprit.Code.Index;

/// <summary>
/// Which files of a commit are indexed: files whose language <see cref="CodeLanguages.FromPath"/> knows, except
/// those larger than <see cref="IndexerOptions.MaxFileBytes"/>, those under a vendored folder (<c>node_modules/</c>,
/// <c>vendor/</c>, <c>third_party/</c>, <c>bower_components/</c>) and generated ones (<c>*.min.js</c>,
/// <c>*.g.cs</c>, <c>*.designer.cs</c>, <c>*.generated.*</c>, <c>*_pb2.py</c>, <c>*.pb.go</c>, <c>*.d.ts</c>).
/// A file whose text holds a NUL character is binary and skipped after it is read.
/// </summary>
public static class IndexFilter
{
    private static readonly string[] VendoredFolders = ["node_modules", "vendor", "third_party", "bower_components"];

    private static readonly string[] GeneratedSuffixes = [".min.js", ".g.cs", ".g.i.cs", ".designer.cs", "_pb2.py", ".pb.go", ".d.ts"];

    /// <summary>Null when the file is indexed; otherwise why not ("not code", "larger than …", "vendored", "generated").</summary>
    public static string? Exclude(RepoFile file, long maxFileBytes)
    {
        if (CodeLanguages.FromPath(file.Path) is null)
            return "not code";
        if (file.Size > maxFileBytes)
            return "too large";
        var path = file.Path;
        foreach (var folder in VendoredFolders)
        {
            if (path.StartsWith(folder + "/", StringComparison.Ordinal) || path.Contains("/" + folder + "/", StringComparison.Ordinal))
                return "vendored";
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        foreach (var suffix in GeneratedSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return "generated";
        }

        return name.Contains(".generated.", StringComparison.OrdinalIgnoreCase) ? "generated" : null;
    }

    /// <summary>True when the text is binary (holds a NUL character).</summary>
    public static bool IsBinary(string text) => text.Contains('\0', StringComparison.Ordinal);
}
