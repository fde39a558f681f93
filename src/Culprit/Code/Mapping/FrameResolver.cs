using Culprit.Model;

namespace Culprit.Code.Mapping;

/// <summary>
/// Resolves a stack frame to a repository file and the innermost symbol enclosing its line at one commit.
/// Files are found by the printed path (code mappings, then the longest unique suffix); Java and Kotlin frames by
/// package path + file name; .NET frames without a file by namespace, type and method in the symbol index; Python
/// by module path. Each unresolved frame carries the reason.
/// </summary>
public sealed class FrameResolver
{
    /// <summary>Lines shown either side of the failing line when the file's symbols are unknown.</summary>
    public const int WindowRadius = 10;

    private readonly RepoPathIndex _paths;
    private readonly ISymbolSource _symbols;

    public FrameResolver(RepoPathIndex paths, ISymbolSource symbols)
    {
        _paths = paths;
        _symbols = symbols;
    }

    public FrameResolution Resolve(Frame frame, Runtime runtime)
    {
        var (path, method, note) = FindPath(frame, runtime);
        if (path is null)
        {
            if (runtime == Runtime.DotNet && frame.Module is not null && frame.Function is not null)
                return ResolveDotNetBySymbol(frame) ?? FrameResolution.Unresolved(note ?? "no file in frame");
            return FrameResolution.Unresolved(note ?? "no file in frame");
        }
        return WithSymbol(frame, path, method);
    }

    private (string? Path, string Method, string? Note) FindPath(Frame frame, Runtime runtime)
    {
        var file = frame.File;
        var hasFile = !string.IsNullOrWhiteSpace(file) && !IsPlaceholderFile(file!);
        if (runtime == Runtime.Java)
            return FindJava(frame, hasFile ? file : null);
        if (!hasFile)
            return (null, "", frame.File is null ? "the frame names no file" : $"'{frame.File}' is not a source file");
        if (runtime == Runtime.Python && TryPythonModule(file!, out var fromModule))
            return fromModule;
        return _paths.Find(file!);
    }

    private (string? Path, string Method, string? Note) FindJava(Frame frame, string? file)
    {
        var type = frame.Module;
        if (type is null)
            return file is null ? (null, "", "the frame names no file or class") : _paths.Find(file);
        var outer = type.Split('$')[0];
        var dot = outer.LastIndexOf('.');
        var packagePath = dot < 0 ? "" : outer[..dot].Replace('.', '/') + "/";
        var names = file is not null ? [file] : new[] { outer[(dot + 1)..] + ".java", outer[(dot + 1)..] + ".kt", outer[(dot + 1)..] + ".scala" };
        string? lastNote = null;
        foreach (var name in names)
        {
            if (name.Contains('/', StringComparison.Ordinal))
                return _paths.Find(name);
            var (path, _, note) = _paths.FindBySuffix(packagePath + name);
            if (path is not null && path.EndsWith(packagePath + name, StringComparison.Ordinal))
                return (path, "package", null);
            lastNote = path is null ? note : $"no file '{packagePath + name}' in the repository (nearest: {path})";
        }
        return (null, "", file is null ? $"no source file for class '{outer}' in the repository" : lastNote);
    }

    private bool TryPythonModule(string file, out (string? Path, string Method, string? Note) found)
    {
        // "<frozen importlib._bootstrap>", "<string>": not files.
        found = default;
        if (!file.StartsWith('<'))
            return false;
        found = (null, "", $"'{file}' is not a source file");
        return true;
    }

    private FrameResolution? ResolveDotNetBySymbol(Frame frame)
    {
        var (type, function) = DotNetNames(frame.Module!, frame.Function!);
        var matches = _symbols.FindCallable(type + "." + function);
        if (matches.Count == 1)
        {
            var (path, symbol) = matches[0];
            return new FrameResolution { RepoPath = path, Symbol = symbol, Method = "symbol" };
        }
        return matches.Count == 0
            ? FrameResolution.Unresolved($"no file in frame and no method '{type}.{function}' in the index")
            : FrameResolution.Unresolved($"no file in frame and {matches.Count} overloads of '{type}.{function}'");
    }

    private FrameResolution WithSymbol(Frame frame, string path, string method)
    {
        var symbols = _symbols.SymbolsOf(path);
        if (frame.Line is int line)
        {
            var symbol = Innermost(symbols, line);
            if (symbol is not null)
                return new FrameResolution { RepoPath = path, Symbol = symbol, Method = method };
            var window = (Math.Max(1, line - WindowRadius), line + WindowRadius);
            var why = symbols.Count == 0 ? "no symbols known for this file" : $"line {line} is outside every function";
            return new FrameResolution { RepoPath = path, Method = method, Window = window, Note = why };
        }
        var name = frame.Function is null ? null : LastName(frame.Function);
        var byName = name is null ? null : symbols.Where(s => SymbolKinds.IsCallable(s.Kind) && (s.Name == name || IsConstructor(name) && s.Kind == SymbolKinds.Constructor)).ToList();
        if (byName is { Count: 1 })
            return new FrameResolution { RepoPath = path, Symbol = byName[0], Method = method };
        return new FrameResolution { RepoPath = path, Method = method, Note = "the frame has no line number" };
    }

    /// <summary>The callable symbol with the smallest range containing the line; a type when no callable does.</summary>
    public static CodeSymbol? Innermost(IReadOnlyList<CodeSymbol> symbols, int line)
    {
        CodeSymbol? best = null;
        CodeSymbol? bestType = null;
        foreach (var symbol in symbols)
        {
            if (!symbol.Contains(line))
                continue;
            if (SymbolKinds.IsCallable(symbol.Kind))
            {
                if (best is null || Span(symbol) < Span(best))
                    best = symbol;
            }
            else if (bestType is null || Span(symbol) < Span(bestType))
            {
                bestType = symbol;
            }
        }
        return best ?? bestType;
    }

    private static int Span(CodeSymbol symbol) => symbol.EndLine - symbol.StartLine;

    private static string LastName(string function)
    {
        var name = function.Split('.', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[^1] : function;
        return name;
    }

    private static bool IsConstructor(string name) => name is "<init>" or ".ctor";

    private static bool IsPlaceholderFile(string file) =>
        file is "Unknown Source" or "Native Method" or "<anonymous>" or "native" or "internal" or "[internal function]";

    /// <summary>
    /// The declaring type and method of a .NET frame whose names may come from compiler-generated state machines,
    /// closures and local functions: <c>Ns.T+&lt;Run&gt;d__5</c>.<c>MoveNext</c> → (<c>Ns.T</c>, <c>Run</c>).
    /// </summary>
    public static (string Type, string Method) DotNetNames(string module, string function) =>
        Symbols.DotNetFrameNames.Normalize(module + "." + function);
}
