namespace Culprit.Code.Symbols;

/// <summary>Maps a ctags kind (long form) to a <see cref="SymbolKinds"/> value.</summary>
internal static class CtagsKinds
{
    /// <summary>What the tag becomes: a symbol kind, <see cref="Variable"/> (kept only when it holds a function), or null (skipped).</summary>
    public static string? Map(string language, string kind, string? scopeKind) => kind switch
    {
        "class" or "object" or "trait" => SymbolKinds.Class,
        "struct" => SymbolKinds.Struct,
        "interface" => SymbolKinds.Interface,
        "enum" => SymbolKinds.Enum,
        "module" => SymbolKinds.Module,
        "namespace" when language == CodeLanguages.TypeScript => SymbolKinds.Module,
        "function" or "func" or "method" or "member" or "singletonMethod" or "getter" or "setter" or "generator" => Callable(scopeKind),
        "constant" or "variable" or "field" or "property" when language is CodeLanguages.JavaScript or CodeLanguages.TypeScript => Variable,
        _ => null,
    };

    public const string Variable = "variable";

    /// <summary>A function inside a function is local, inside a type a method, anywhere else (file, package, namespace) a function.</summary>
    public static string Callable(string? scopeKind) => scopeKind switch
    {
        "function" or "func" or "method" or "member" or "singletonMethod" or "getter" or "setter" or "generator" => SymbolKinds.LocalFunction,
        "class" or "struct" or "interface" or "object" or "trait" or "module" or "enum" or "record" or "type" or "talias" => SymbolKinds.Method,
        _ => SymbolKinds.Function,
    };

    /// <summary>True when the scope is a symbol this extractor emits (not a package or PHP namespace).</summary>
    public static bool IsSymbolScope(string language, string? scopeKind) =>
        scopeKind is not null && scopeKind != "package" && !(scopeKind == "namespace" && language != CodeLanguages.TypeScript);

    public static bool IsConstructorName(string language, string name, string? scope) => language switch
    {
        CodeLanguages.Python => name == "__init__",
        CodeLanguages.Php => name == "__construct",
        CodeLanguages.Ruby => name == "initialize",
        CodeLanguages.JavaScript or CodeLanguages.TypeScript => name == "constructor",
        CodeLanguages.Java => scope is not null && (scope == name || scope.EndsWith("." + name, StringComparison.Ordinal)),
        _ => false,
    };
}
