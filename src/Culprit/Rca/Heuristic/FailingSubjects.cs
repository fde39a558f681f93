using System.Text.RegularExpressions;

namespace Culprit.Rca.Heuristic;

/// <summary>Finds the <see cref="FailingSubject"/> on the failing line from the exception's family, type and message.</summary>
public static partial class FailingSubjects
{
    public static FailingSubject? Find(ExceptionFamily family, string? type, string? message, string line)
    {
        var m = message ?? "";
        var code = StripComment(line);
        return family switch
        {
            ExceptionFamily.NullDereference => NullSubject(m, code),
            ExceptionFamily.KeyOrIndex => Subscript(code, m),
            ExceptionFamily.TypeMismatch => TypeSubject(m, code),
            ExceptionFamily.Arithmetic => Divisor(code),
            ExceptionFamily.TimeoutOrConnection or ExceptionFamily.Validation or ExceptionFamily.IllegalState or ExceptionFamily.Resource
                => FirstCall(code, family == ExceptionFamily.TimeoutOrConnection ? "call" : "input"),
            _ => FirstCall(code, "call"),
        };
    }

    private static FailingSubject? NullSubject(string message, string code)
    {
        var returned = JavaReturnValue().Match(message);
        if (returned.Success)
        {
            var method = returned.Groups[1].Value;
            var name = method[(method.LastIndexOf('.') + 1)..];
            var call = Regex.Match(code, $@"([\w$.\[\]()""]*?\b{Regex.Escape(name.TrimEnd(')', '('))})\s*\(");
            return new FailingSubject(call.Success ? call.Groups[1].Value + "()" : name, "return value", RootOf(call.Success ? call.Groups[1].Value : name));
        }
        var variable = JavaNullVariable().Match(message);
        if (variable.Success)
        {
            var name = variable.Groups[1].Value;
            return new FailingSubject(name, "null value", RootOf(name.StartsWith("this.", StringComparison.Ordinal) ? name : name));
        }
        var member = MemberName().Match(message);
        if (member.Success)
        {
            var found = Receiver(code, member.Groups[1].Value);
            if (found is not null)
                return new FailingSubject(found, "null value", RootOf(found));
        }
        if (message.Contains("not subscriptable", StringComparison.Ordinal))
            return Subscript(code, message) is { } s ? s with { Role = "null value", Expression = s.Expression.Split('[')[0] } : null;
        if (message.Contains("not iterable", StringComparison.Ordinal))
        {
            var loop = IteratedValue().Match(code);
            if (loop.Success)
                return new FailingSubject(loop.Groups[1].Value, "null value", RootOf(loop.Groups[1].Value));
        }
        // The message does not say which value was null (.NET, Go): the first member chain on the line, as a guess.
        foreach (Match chain in DereferenceChain().Matches(code))
        {
            var expression = chain.Groups[1].Value;
            if (!TypeLike.Contains(RootOf(expression) ?? ""))
                return new FailingSubject(expression, "possibly null", RootOf(expression));
        }
        return null;
    }

    private static FailingSubject? TypeSubject(string message, string code)
    {
        var member = MemberName().Match(message);
        if (member.Success)
        {
            var found = Receiver(code, member.Groups[1].Value);
            if (found is not null)
                return new FailingSubject(found, "wrong type", RootOf(found));
        }
        var op = OperatorTypes().Match(message);
        if (op.Success)
        {
            var operands = Regex.Match(code, $@"([\w.\[\]()]+)\s*{Regex.Escape(op.Groups[1].Value)}\s*([\w.\[\]()]+)");
            if (operands.Success)
            {
                var noneRight = op.Groups[3].Value == "NoneType";
                var side = noneRight ? operands.Groups[2].Value : operands.Groups[1].Value;
                return new FailingSubject(side, noneRight || op.Groups[2].Value == "NoneType" ? "null value" : "wrong type", RootOf(side));
            }
        }
        var cast = Cast().Match(code);
        if (cast.Success)
            return new FailingSubject(cast.Groups[2].Value, "cast value", RootOf(cast.Groups[2].Value));
        return FirstCall(code, "wrong type");
    }

    private static FailingSubject? Subscript(string code, string message)
    {
        var s = SubscriptExpr().Match(code);
        if (s.Success)
            return new FailingSubject(s.Value, "key or index", RootOf(s.Groups[2].Value), s.Groups[2].Value.Trim());
        var call = Regex.Match(code, @"([\w$.]+)\.(get|remove|getItem|get_Item|fetch|pop|next|first|elementAt|charAt|substring)\s*\(([^)]*)\)");
        if (call.Success)
        {
            var key = call.Groups[3].Value.Trim();
            return new FailingSubject(call.Value, "key or index", key.Length > 0 ? RootOf(key) : RootOf(call.Groups[1].Value), key.Length > 0 ? key : null);
        }
        _ = message;
        return null;
    }

    private static FailingSubject? Divisor(string code)
    {
        var d = DivisorExpr().Match(code);
        return d.Success ? new FailingSubject(d.Groups[1].Value, "divisor", RootOf(d.Groups[1].Value)) : null;
    }

    private static FailingSubject? FirstCall(string code, string role)
    {
        foreach (Match call in CallExpr().Matches(code))
        {
            var name = call.Groups[1].Value;
            var last = name[(name.LastIndexOf('.') + 1)..];
            if (Keywords.Contains(last))
                continue;
            return new FailingSubject(name + "(…)", role, RootOf(name));
        }
        return null;
    }

    private static string? Receiver(string code, string member)
    {
        var m = Regex.Match(code, $@"([\w$]+(?:(?:\?\.|\.|->)[\w$]+|\[[^\]]*\]|\(\))*?)\s*(?:\?\.|\.|->)\s*{Regex.Escape(member)}\b");
        if (m.Success)
            return m.Groups[1].Value;
        var indexed = Regex.Match(code, $@"([\w$]+(?:\.[\w$]+|\[[^\]]*\])*)\[\s*['""]{Regex.Escape(member)}['""]\s*\]");
        return indexed.Success ? indexed.Groups[1].Value : null;
    }

    /// <summary>The leading identifier of an expression, with <c>this.</c>/<c>self.</c>/<c>$</c> kept off.</summary>
    public static string? RootOf(string expression)
    {
        var e = expression.TrimStart('$', '(', ' ', '!', '*', '&');
        foreach (var prefix in (ReadOnlySpan<string>)["this.", "self.", "this->", "@"])
        {
            if (e.StartsWith(prefix, StringComparison.Ordinal))
                e = e[prefix.Length..];
        }
        var end = 0;
        while (end < e.Length && (char.IsLetterOrDigit(e[end]) || e[end] == '_'))
            end++;
        return end == 0 || char.IsAsciiDigit(e[0]) ? null : e[..end];
    }

    private static string StripComment(string line)
    {
        var t = line.Trim();
        var slash = t.IndexOf("//", StringComparison.Ordinal);
        if (slash > 0 && t.IndexOf("://", StringComparison.Ordinal) != slash - 1)
            t = t[..slash];
        return t;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "for", "while", "switch", "catch", "return", "new", "throw", "raise", "assert", "print", "await", "function",
        "def", "elif", "with", "typeof", "sizeof", "lock", "using", "foreach", "not", "and", "or", "in", "is", "yield",
        "super", "this", "self", "str", "int", "len", "isinstance", "format", "String", "Exception",
    };

    [GeneratedRegex(@"the return value of ""([^""]+)"" is null")]
    private static partial Regex JavaReturnValue();

    [GeneratedRegex(@"because ""([^""]+)"" is null")]
    private static partial Regex JavaNullVariable();

    [GeneratedRegex(@"(?:reading '|attribute '|undefined method [`']|member function |property ')([\w$]+)")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"\bin\s+([\w.\[\]()]+)\s*:?\s*$|\bin\s+([\w.\[\]()]+)")]
    private static partial Regex IteratedValue();

    private static readonly HashSet<string> TypeLike = new(StringComparer.Ordinal)
    {
        "decimal", "string", "int", "long", "double", "float", "bool", "object", "char", "byte", "math", "console", "var", "new", "await", "return", "typeof",
    };

    [GeneratedRegex(@"\b([a-z_][\w$]*(?:\??\.[\w$]+)*)\??\.[\w$]+")]
    private static partial Regex DereferenceChain();

    [GeneratedRegex(@"'([^']+)' not supported between instances of '(\w+)' and '(\w+)'")]
    private static partial Regex OperatorTypes();

    [GeneratedRegex(@"\(\s*([A-Z][\w.<>]*)\s*\)\s*([\w.]+)")]
    private static partial Regex Cast();

    [GeneratedRegex(@"([\w$]+(?:\.[\w$]+)*)\s*\[\s*([^\]]+?)\s*\]")]
    private static partial Regex SubscriptExpr();

    [GeneratedRegex(@"(?<![/])[/%]\s*([\w$.()\[\]]+)")]
    private static partial Regex DivisorExpr();

    [GeneratedRegex(@"([\w$]+(?:\.[\w$]+)*)\s*\(")]
    private static partial Regex CallExpr();
}
