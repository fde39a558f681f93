using Culprit.Code.Mapping;

namespace Culprit.Code;

/// <summary>
/// The code of one commit as root-cause analysis reads it: paths for frame resolution, file lines, and symbols by
/// file, by qualified name and by simple name (to find the definition of a function called on a failing line).
/// </summary>
public interface ICodeView : ISymbolSource
{
    /// <summary>The full SHA of the commit.</summary>
    string Commit { get; }

    RepoPathIndex Paths { get; }

    /// <summary>The file's lines (index 0 = line 1); null when the path is not in the commit.</summary>
    IReadOnlyList<string>? Lines(string path);

    /// <summary>Callable symbols named <paramref name="name"/>, those in <paramref name="nearPath"/> first, then its folder, then the rest.</summary>
    IReadOnlyList<(string Path, CodeSymbol Symbol)> FindByName(string name, string nearPath);
}
