namespace Culprit.Code.Symbols;

/// <summary>What a language's comments and literals look like, enough to mask them out of the code.</summary>
internal sealed class LexicalRules
{
    public required string Language { get; init; }

    /// <summary><c>//</c> line comments.</summary>
    public bool SlashComments { get; init; }

    /// <summary><c>#</c> line comments (PHP's <c>#[</c> attributes excepted).</summary>
    public bool HashComments { get; init; }

    /// <summary><c>/* */</c> block comments.</summary>
    public bool BlockComments { get; init; }

    /// <summary>Block comments nest (Kotlin).</summary>
    public bool NestedBlockComments { get; init; }

    /// <summary>Back-quoted strings: JS/TS template literals with <c>${}</c>, Go raw strings.</summary>
    public bool Backticks { get; init; }

    /// <summary>Back-quoted strings have <c>${ }</c> code inside (JS/TS), otherwise they are raw (Go).</summary>
    public bool BacktickInterpolation { get; init; }

    /// <summary><c>"""</c> strings (and <c>'''</c> for Python).</summary>
    public bool TripleQuotes { get; init; }

    public bool TripleSingleQuotes { get; init; }

    /// <summary>Code inside double-quoted strings: <c>${ }</c> (Kotlin) or <c>#{ }</c> (Ruby).</summary>
    public char InterpolationSigil { get; init; }

    /// <summary><c>/re/</c> literals where an operand is expected (JS, TS, Ruby).</summary>
    public bool RegexLiterals { get; init; }

    /// <summary>Ruby's <c>=begin</c>/<c>=end</c> blocks.</summary>
    public bool RubyBlockComments { get; init; }

    /// <summary>PHP's <c>&lt;&lt;&lt;ID</c> heredocs and nowdocs.</summary>
    public bool Heredocs { get; init; }

    /// <summary>Words that look like calls when followed by '(' but are not.</summary>
    public required HashSet<string> Keywords { get; init; }

    /// <summary>Words after which an identifier is being declared, not called.</summary>
    public required HashSet<string> DeclarationWords { get; init; }

    /// <summary>Where a decorator or attribute line starts: "@" or "#[".</summary>
    public string? DecoratorPrefix { get; init; }

    /// <summary>The doc comment sits above the declaration as <c>/** */</c>.</summary>
    public bool JavadocStyle { get; init; }

    /// <summary>The doc comment is the run of line comments right above (Go <c>//</c>, Ruby <c>#</c>).</summary>
    public string? LineDocPrefix { get; init; }
}
