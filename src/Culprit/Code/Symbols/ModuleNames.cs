namespace Culprit.Code.Symbols;

/// <summary>The prefix a language puts before a file's top-level names, and how scopes are spelled in dotted form.</summary>
internal static class ModuleNames
{
    /// <summary>
    /// Python's module from the path: a leading <c>src/</c> or <c>lib/</c> source root is dropped, then the
    /// <c>.py</c>, and <c>__init__.py</c> stands for its package: <c>src/pkg/mod.py</c> → <c>pkg.mod</c>,
    /// <c>pkg/__init__.py</c> → <c>pkg</c>.
    /// </summary>
    public static string PythonModule(string path)
    {
        var p = path.Replace('\\', '/');
        if (p.StartsWith("src/", StringComparison.Ordinal) || p.StartsWith("lib/", StringComparison.Ordinal))
            p = p[4..];
        if (p.EndsWith(".py", StringComparison.Ordinal))
            p = p[..^3];
        if (p == "__init__")
            return "";
        if (p.EndsWith("/__init__", StringComparison.Ordinal))
            p = p[..^9];
        return p.Replace('/', '.');
    }

    /// <summary>A ctags scope in dotted form: PHP's <c>App\Svc\C</c> and Ruby's <c>A::B</c> become <c>App.Svc.C</c>, <c>A.B</c>.</summary>
    public static string? Dotted(string? scope) =>
        scope is null ? null : scope.Replace("::", ".", StringComparison.Ordinal).Replace('\\', '.');

    public static string Join(string? prefix, string? name) =>
        string.IsNullOrEmpty(prefix) ? name ?? "" : string.IsNullOrEmpty(name) ? prefix : prefix + "." + name;
}
