namespace Culprit.Code;

/// <summary>Language names used across the code index, chosen from a file's extension.</summary>
public static class CodeLanguages
{
    public const string CSharp = "csharp";
    public const string Java = "java";
    public const string Kotlin = "kotlin";
    public const string Python = "python";
    public const string Go = "go";
    public const string Ruby = "ruby";
    public const string JavaScript = "javascript";
    public const string TypeScript = "typescript";
    public const string Php = "php";

    /// <summary>The language of a path, or null for files that are not indexed as code.</summary>
    public static string? FromPath(string path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0 || dot < path.LastIndexOf('/'))
            return null;
        return path[(dot + 1)..].ToLowerInvariant() switch
        {
            "cs" => CSharp,
            "java" => Java,
            "kt" or "kts" => Kotlin,
            "py" => Python,
            "go" => Go,
            "rb" => Ruby,
            "js" or "mjs" or "cjs" or "jsx" => JavaScript,
            "ts" or "tsx" or "mts" or "cts" => TypeScript,
            "php" => Php,
            _ => null,
        };
    }
}
