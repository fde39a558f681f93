namespace Culprit.Code.Symbols;

/// <summary>
/// Where a declaration's parts lie as text offsets: the head (from the name) ends at <see cref="BodyStart"/>
/// (the body's '{', '=', '=>' or Python's ':'), and the body ends at <see cref="End"/>.
/// <see cref="Closed"/> is false when the body ran into the end of the text unclosed; <see cref="HasBody"/> is false
/// for a declaration that ends before any body (an interface or abstract method).
/// </summary>
internal readonly record struct Extent(int BodyStart, int End, bool Closed, bool HasBody = true);
