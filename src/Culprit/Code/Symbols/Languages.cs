namespace Culprit.Code.Symbols;

/// <summary>The <see cref="LexicalRules"/> of each language the ctags extractor handles.</summary>
internal static class Languages
{
    private static readonly string[] CFamilyKeywords =
        ["if", "for", "while", "switch", "catch", "return", "do", "else", "try", "finally", "throw", "new", "typeof", "sizeof", "case", "synchronized", "super", "this"];

    public static readonly LexicalRules Python = new()
    {
        Language = CodeLanguages.Python, HashComments = true, TripleQuotes = true, TripleSingleQuotes = true, DecoratorPrefix = "@",
        Keywords = Set("if", "elif", "for", "while", "return", "def", "class", "and", "or", "not", "in", "is", "with", "as", "assert", "lambda",
            "yield", "await", "except", "raise", "del", "global", "nonlocal", "from", "import", "else", "try", "finally", "pass"),
        DeclarationWords = Set("def", "class"),
    };

    public static readonly LexicalRules Java = new()
    {
        Language = CodeLanguages.Java, SlashComments = true, BlockComments = true, TripleQuotes = true, DecoratorPrefix = "@", JavadocStyle = true,
        Keywords = Set([.. CFamilyKeywords, "assert", "instanceof"]),
        DeclarationWords = Set("class", "interface", "enum", "record", "void"),
    };

    public static readonly LexicalRules Kotlin = new()
    {
        Language = CodeLanguages.Kotlin, SlashComments = true, BlockComments = true, NestedBlockComments = true, TripleQuotes = true,
        InterpolationSigil = '$', DecoratorPrefix = "@", JavadocStyle = true,
        Keywords = Set([.. CFamilyKeywords, "when", "is", "in", "as", "fun", "init", "constructor", "object"]),
        DeclarationWords = Set("fun", "class", "interface", "object"),
    };

    public static readonly LexicalRules Go = new()
    {
        Language = CodeLanguages.Go, SlashComments = true, BlockComments = true, Backticks = true, LineDocPrefix = "//",
        Keywords = Set("if", "for", "switch", "return", "func", "go", "defer", "select", "case", "range", "else", "type", "map", "chan", "struct", "interface"),
        DeclarationWords = Set("func", "type"),
    };

    public static readonly LexicalRules Ruby = new()
    {
        Language = CodeLanguages.Ruby, HashComments = true, InterpolationSigil = '#', RegexLiterals = true, RubyBlockComments = true, LineDocPrefix = "#",
        Keywords = Set("if", "elsif", "unless", "while", "until", "for", "case", "when", "return", "def", "class", "module", "and", "or", "not",
            "yield", "super", "defined?", "rescue", "raise", "then", "do", "begin", "end", "in", "else"),
        DeclarationWords = Set("def", "class", "module"),
    };

    public static readonly LexicalRules JavaScript = new()
    {
        Language = CodeLanguages.JavaScript, SlashComments = true, BlockComments = true, Backticks = true, BacktickInterpolation = true,
        RegexLiterals = true, DecoratorPrefix = "@", JavadocStyle = true,
        Keywords = Set([.. CFamilyKeywords, "function", "await", "yield", "void", "delete", "in", "of", "instanceof", "import", "async", "constructor"]),
        DeclarationWords = Set("function", "class", "get", "set", "static", "async"),
    };

    public static readonly LexicalRules TypeScript = new()
    {
        Language = CodeLanguages.TypeScript, SlashComments = true, BlockComments = true, Backticks = true, BacktickInterpolation = true,
        RegexLiterals = true, DecoratorPrefix = "@", JavadocStyle = true,
        Keywords = JavaScript.Keywords,
        DeclarationWords = Set("function", "class", "get", "set", "static", "async", "public", "private", "protected", "interface", "namespace"),
    };

    public static readonly LexicalRules Php = new()
    {
        Language = CodeLanguages.Php, SlashComments = true, HashComments = true, BlockComments = true, Heredocs = true,
        DecoratorPrefix = "#[", JavadocStyle = true,
        Keywords = Set([.. CFamilyKeywords, "function", "fn", "foreach", "elseif", "array", "list", "isset", "unset", "empty", "echo", "print",
            "require", "require_once", "include", "include_once", "match", "declare", "use", "exit", "die", "eval"]),
        DeclarationWords = Set("function", "fn", "class", "interface", "trait"),
    };

    /// <summary>The rules for a language, or null when ctags is not used for it.</summary>
    public static LexicalRules? For(string language) => language switch
    {
        CodeLanguages.Python => Python,
        CodeLanguages.Java => Java,
        CodeLanguages.Kotlin => Kotlin,
        CodeLanguages.Go => Go,
        CodeLanguages.Ruby => Ruby,
        CodeLanguages.JavaScript => JavaScript,
        CodeLanguages.TypeScript => TypeScript,
        CodeLanguages.Php => Php,
        _ => null,
    };

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
