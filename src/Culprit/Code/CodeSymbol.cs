namespace Culprit.Code;

/// <summary>
/// One symbol of a source file: a function, method, constructor, property with a body, local function, lambda
/// assigned to a field or const, or a type that encloses them. Lines are 1-based and inclusive; the range runs from
/// the first line of the declaration (decorators and attributes included) to its closing line.
/// </summary>
public sealed record CodeSymbol
{
    /// <summary>What it is; see <see cref="SymbolKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The bare name as written (<c>parse</c>, <c>.ctor</c> for C# constructors).</summary>
    public required string Name { get; init; }

    /// <summary>Dotted name with its namespace/package/module and enclosing types, e.g. <c>com.acme.Orders.total</c>.</summary>
    public required string QualifiedName { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    /// <summary>Parameter list (and return type where the language writes one), as written.</summary>
    public string? Signature { get; init; }

    /// <summary>The doc comment or docstring, trimmed of comment markers; null when there is none.</summary>
    public string? Doc { get; init; }

    /// <summary>Qualified name of the enclosing symbol (class of a method, function of a local function).</summary>
    public string? Parent { get; init; }

    /// <summary>Names called inside the body (the brief's <c>dependencies</c>), unique, in order of first call.</summary>
    public IReadOnlyList<string> Calls { get; init; } = [];

    public bool Contains(int line) => line >= StartLine && line <= EndLine;
}

/// <summary>The values of <see cref="CodeSymbol.Kind"/>.</summary>
public static class SymbolKinds
{
    public const string Function = "function";
    public const string Method = "method";
    public const string Constructor = "constructor";
    public const string Property = "property";
    public const string LocalFunction = "local_function";
    public const string Lambda = "lambda";
    public const string Class = "class";
    public const string Struct = "struct";
    public const string Interface = "interface";
    public const string Enum = "enum";
    public const string Record = "record";
    public const string Module = "module";

    /// <summary>True for kinds that have a body that runs (the ones a stack frame can point into).</summary>
    public static bool IsCallable(string kind) =>
        kind is Function or Method or Constructor or Property or LocalFunction or Lambda;
}
