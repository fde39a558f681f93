namespace Culprit.Exceptions;

/// <summary>Splits a printed .NET method name into its declaring type (module) and method (function).</summary>
internal static class DotNetNames
{
    /// <summary>
    /// Splits at the last <c>.</c> that is not inside <c>&lt;...&gt;</c> or <c>[...]</c>, so compiler-generated
    /// names (<c>&lt;&gt;c.&lt;.cctor&gt;b__18_1</c>) and generic arguments stay whole; <c>Type..ctor</c> gives
    /// function <c>.ctor</c>. A name without such a dot is a function without module (<c>lambda_method</c>).
    /// </summary>
    public static (string? Module, string Function) Split(ReadOnlySpan<char> name)
    {
        var angle = 0;
        var square = 0;
        var lastDot = -1;
        for (var i = 0; i < name.Length; i++)
        {
            switch (name[i])
            {
                case '<':
                    angle++;
                    break;
                case '>' when angle > 0:
                    angle--;
                    break;
                case '[':
                    square++;
                    break;
                case ']' when square > 0:
                    square--;
                    break;
                case '.' when angle == 0 && square == 0:
                    lastDot = i;
                    break;
            }
        }

        if (lastDot <= 0 || lastDot == name.Length - 1)
            return (null, name.ToString());

        // "Type..ctor" / "Type..cctor": the constructor's own dot belongs to the function.
        if (name[lastDot - 1] == '.')
            return lastDot - 1 == 0 ? (null, name.ToString()) : (name[..(lastDot - 1)].ToString(), name[lastDot..].ToString());
        return (name[..lastDot].ToString(), name[(lastDot + 1)..].ToString());
    }
}
