using System.Text;

namespace Culprit.Code.Symbols;

/// <summary>
/// Turns one file's ctags tags into <see cref="CodeSymbol"/>s: qualified names, end lines where ctags gives none
/// (braces, expression bodies, Python indentation over masked text), decorators, doc comments, signatures and calls.
/// </summary>
internal static class CtagsSymbolMapper
{
    private const int MaxSignatureLength = 400;

    public static FileSymbols Map(SourceFile file, MaskedSource source, List<CtagsTag> tags)
    {
        var prefix = Prefix(file, tags);
        var drafts = new List<SymbolDraft>(tags.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var open = false;
        foreach (var tag in tags)
        {
            var draft = Draft(source, tag, prefix, ref open);
            if (draft is not null && seen.Add(draft.QualifiedName + "@" + draft.StartLine))
                drafts.Add(draft);
        }

        var symbols = new List<CodeSymbol>(drafts.Count);
        var skip = new List<(int From, int To)>();
        foreach (var draft in drafts)
        {
            if (!SymbolKinds.IsCallable(draft.Kind))
            {
                symbols.Add(draft.ToSymbol([]));
                continue;
            }

            skip.Clear();
            foreach (var other in drafts)
            {
                if (other != draft && SymbolKinds.IsCallable(other.Kind) && other.Start > draft.BodyStart && other.End <= draft.End)
                    skip.Add((other.Start, other.End));
            }

            skip.Sort();
            var calls = new List<string>();
            CallScanner.Scan(source, draft.BodyStart, draft.End + 1, skip, calls);
            symbols.Add(draft.ToSymbol(calls));
        }

        string? note = null;
        if (open || source.Unterminated)
            note = "unbalanced braces or an unterminated string or comment: some symbols run to the end of the file";
        return new FileSymbols(file.Path, file.Language, symbols, note);
    }

    /// <summary>What goes before the ctags scope: Python's module (from the path) or Java's package (from its tag).</summary>
    private static string? Prefix(SourceFile file, List<CtagsTag> tags)
    {
        if (file.Language == CodeLanguages.Python)
            return ModuleNames.PythonModule(file.Path);
        if (file.Language == CodeLanguages.Java)
        {
            foreach (var tag in tags)
            {
                if (tag.Kind == "package")
                    return tag.Name;
            }
        }

        return null;
    }

    private static SymbolDraft? Draft(MaskedSource source, CtagsTag tag, string? prefix, ref bool open)
    {
        var language = source.Rules.Language;
        var kind = CtagsKinds.Map(language, tag.Kind, tag.ScopeKind);
        if (kind is null || tag.Line > source.LineCount)
            return null;
        if (kind == SymbolKinds.Class && language is CodeLanguages.JavaScript or CodeLanguages.TypeScript && !AfterClassKeyword(source, tag))
            return null; // ctags tags object literals (const o = { a: 1 }) as classes
        // A name ctags found inside a string or comment (it can lose its way in nested template literals) is not a declaration.
        var written = language == CodeLanguages.Kotlin && tag.Name == "Companion" && tag.Kind == "object" ? "object" : tag.Name;
        var nameAt = source.FindWord(tag.Line, written);
        if (nameAt < 0 && written != tag.Name)
            nameAt = source.FindWord(tag.Line, written = tag.Name);
        if (nameAt < 0)
            return null;
        var afterName = nameAt + written.Length;
        Extent extent;
        if (kind == CtagsKinds.Variable)
        {
            var value = ArrowFunctions.ValueStart(source, afterName);
            if (value < 0)
                return null;
            kind = CtagsKinds.Callable(tag.ScopeKind) == SymbolKinds.Method ? SymbolKinds.Method : SymbolKinds.Function;
            extent = BlockScanner.Braces(source, value);
        }
        else if (language == CodeLanguages.Python)
            extent = BlockScanner.Indented(source, tag.Line, afterName);
        else if (language == CodeLanguages.Ruby)
            extent = new Extent(source.LineEnd(tag.Line), source.LineEnd(Math.Max(tag.Line, tag.End ?? tag.Line)), true);
        else
            extent = BlockScanner.Braces(source, afterName);

        if (SymbolKinds.IsCallable(kind) && !extent.HasBody)
            return null;
        // Python's end comes from indentation here: ctags 5.9 stops at the first line of a closing multi-line string.
        var ctagsEnd = language == CodeLanguages.Python ? null : tag.End;
        var endLine = ctagsEnd is { } end && end >= tag.Line ? end : Math.Max(tag.Line, source.LineOf(Math.Min(extent.End, Math.Max(0, source.Text.Length - 1))));
        if (ctagsEnd is null && !extent.Closed)
            open = true;
        var scope = ModuleNames.Dotted(tag.Scope);
        var name = tag.Name;
        if (SymbolKinds.IsCallable(kind) && kind != SymbolKinds.LocalFunction && CtagsKinds.IsConstructorName(language, name, scope))
        {
            kind = SymbolKinds.Constructor;
            if (language == CodeLanguages.Java)
                name = "<init>";
        }

        var scopeName = ModuleNames.Join(prefix, scope);
        var startLine = Decorators.FirstLine(source, tag.Line);
        var callable = SymbolKinds.IsCallable(kind);
        return new SymbolDraft
        {
            Kind = kind,
            Name = name,
            QualifiedName = ModuleNames.Join(scopeName, name),
            Parent = CtagsKinds.IsSymbolScope(language, tag.ScopeKind) ? scopeName : null,
            StartLine = startLine,
            EndLine = endLine,
            Start = source.LineStart(startLine),
            BodyStart = Math.Min(extent.BodyStart, source.LineEnd(endLine)),
            End = Math.Min(source.LineEnd(endLine), source.Text.Length),
            Signature = callable ? Signature(source, tag.Line, extent.BodyStart) : null,
            Doc = language == CodeLanguages.Python ? DocComments.Docstring(source, extent.BodyStart) : DocComments.Above(source, startLine),
        };
    }

    private static bool AfterClassKeyword(MaskedSource source, CtagsTag tag)
    {
        var at = source.FindWord(tag.Line, tag.Name);
        if (at < 0)
            return false;
        var before = source.Code.Span[source.LineStart(tag.Line)..at].TrimEnd();
        return before.EndsWith("class", StringComparison.Ordinal);
    }

    /// <summary>The declaration as written from its line's first character to where the body starts, whitespace collapsed.</summary>
    private static string? Signature(MaskedSource source, int line, int bodyStart)
    {
        var text = source.Text;
        var from = source.LineStart(line);
        var to = Math.Min(Math.Min(bodyStart, text.Length), from + MaxSignatureLength);
        if (source.Rules.Language == CodeLanguages.Ruby)
            to = source.LineEnd(line);
        var builder = new StringBuilder(to - from);
        var space = false;
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        var signature = builder.ToString().TrimEnd();
        if (signature.EndsWith("=>", StringComparison.Ordinal))
            signature = signature[..^2].TrimEnd();
        else if (signature.EndsWith(':') && source.Rules.Language == CodeLanguages.Python)
            signature = signature[..^1];
        return signature.Length == 0 ? null : signature;
    }
}
