namespace Culprit.Code.Symbols;

/// <summary>One line of ctags' JSON output, reduced to the fields the mapper reads.</summary>
internal sealed record CtagsTag(int File, string Name, string Kind, int Line, int? End, string? Scope, string? ScopeKind);
