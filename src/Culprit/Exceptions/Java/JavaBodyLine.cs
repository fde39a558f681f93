using System.Globalization;
using Culprit.Model;

namespace Culprit.Exceptions.Java;

/// <summary>One line of a JVM trace body, classified: a frame, an omission count, a chain header.</summary>
internal readonly record struct JavaBodyLine(JavaLineKind Kind, int Indent, Frame? Frame, int Omitted, string? HeaderText)
{
    private const string CausedByLabel = "Caused by: ";
    private const string SuppressedLabel = "Suppressed: ";

    public bool IsBody => Kind is JavaLineKind.Frame or JavaLineKind.Omitted or JavaLineKind.CausedBy
        or JavaLineKind.Suppressed or JavaLineKind.CircularReference;

    /// <summary>Classifies <paramref name="line"/>; cheap for lines that are plainly not trace lines.</summary>
    public static JavaBodyLine Read(string line)
    {
        var indent = 0;
        while (indent < line.Length && char.IsWhiteSpace(line[indent]))
            indent++;
        if (indent == line.Length)
            return new(JavaLineKind.Blank, indent, null, 0, null);

        var s = line.AsSpan(indent);
        switch (s[0])
        {
            case 'a':
                if (JavaFrameLine.TryParse(line, out var frame))
                    return new(JavaLineKind.Frame, indent, frame, 0, null);
                return new(JavaFrameLine.StartsWithAt(s) ? JavaLineKind.ForeignFrame : JavaLineKind.Other, indent, null, 0, null);
            case '.':
                return TryReadOmitted(s, out var count)
                    ? new(JavaLineKind.Omitted, indent, null, count, null)
                    : Other(indent);
            case 'C':
                return s.StartsWith(CausedByLabel, StringComparison.Ordinal) && s.Length > CausedByLabel.Length
                    ? new(JavaLineKind.CausedBy, indent, null, 0, s[CausedByLabel.Length..].Trim().ToString())
                    : Other(indent);
            case 'S':
                return s.StartsWith(SuppressedLabel, StringComparison.Ordinal) && s.Length > SuppressedLabel.Length
                    ? new(JavaLineKind.Suppressed, indent, null, 0, s[SuppressedLabel.Length..].Trim().ToString())
                    : Other(indent);
            case '[':
                return s.StartsWith("[CIRCULAR REFERENCE", StringComparison.Ordinal)
                    ? new(JavaLineKind.CircularReference, indent, null, 0, null)
                    : Other(indent);
            default:
                return Other(indent);
        }
    }

    /// <summary>Whether the line is part of a trace body, without building its frame.</summary>
    public static bool IsBodyLine(string line) => Read(line).IsBody;

    private static JavaBodyLine Other(int indent) => new(JavaLineKind.Other, indent, null, 0, null);

    /// <summary><c>... N more</c>, <c>... N common frames omitted</c>, <c>... N frames omitted|excluded</c>.</summary>
    private static bool TryReadOmitted(ReadOnlySpan<char> s, out int count)
    {
        count = 0;
        s = s.TrimEnd();
        if (!s.StartsWith("... ", StringComparison.Ordinal))
            return false;
        s = s[4..];
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits == 0 || digits > 9)
            return false;
        var rest = s[digits..];
        if (!(rest.SequenceEqual(" more") || rest.SequenceEqual(" common frames omitted")
            || rest.SequenceEqual(" frames omitted") || rest.SequenceEqual(" frames excluded")))
            return false;
        count = int.Parse(s[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
