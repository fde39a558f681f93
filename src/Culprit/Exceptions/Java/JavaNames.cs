using System.Buffers;

namespace Culprit.Exceptions.Java;

/// <summary>Character classes and name shapes of JVM class names as they appear in traces.</summary>
internal static class JavaNames
{
    /// <summary>Characters that never occur in a frame's source file name.</summary>
    public static readonly SearchValues<char> NotInFileName = SearchValues.Create(" \t()[]\"'");

    private static readonly string[] ThrowableSuffixes = ["Exception", "Error", "Throwable", "Failure", "Fault"];

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>
    /// Length of the dotted name (<c>java.lang.IllegalStateException</c>, <c>Outer$Inner</c>) at the start of
    /// <paramref name="s"/>; 0 when none starts there. A trailing dot is not part of the name.
    /// </summary>
    public static int NameLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        var end = 0;
        while (i < s.Length && IsIdentifierStart(s[i]))
        {
            i++;
            while (i < s.Length && IsIdentifierPart(s[i]))
                i++;
            end = i;
            if (i + 1 < s.Length && s[i] == '.' && IsIdentifierStart(s[i + 1]))
                i++;
            else
                break;
        }

        return end;
    }

    /// <summary>Whether the simple name reads like a throwable's: <c>...Exception</c>, <c>...Error</c>, <c>...Failure</c> …</summary>
    public static bool IsThrowableName(ReadOnlySpan<char> name)
    {
        var simple = name[(name.LastIndexOf('.') + 1)..];
        foreach (var suffix in ThrowableSuffixes)
        {
            if (simple.EndsWith(suffix, StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>A package-qualified name in Java's convention: a lower-case first segment and at least one dot.</summary>
    public static bool IsPackageQualified(ReadOnlySpan<char> name) =>
        name.Length > 2 && char.IsLower(name[0]) && name.Contains('.');
}
