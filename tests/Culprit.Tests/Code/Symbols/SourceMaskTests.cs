using Culprit.Code.Symbols;

namespace Culprit.Tests.Code.Symbols;

public sealed class SourceMaskTests
{
    /// <summary>The expected code is the masked text with its spaces removed (lines and length are checked too).</summary>
    [Theory]
    [InlineData("javascript", "a(`x ${ `y ${ b() } }` } }`); c()", "a(b());c()")]
    [InlineData("javascript", "const r = /[{/]}/g; f({})", "constr=;f({})")]
    [InlineData("javascript", "x = a / b / c; { }", "x=a/b/c;{}")]
    [InlineData("javascript", "return /}/.test(s) // }", "return.test(s)")]
    [InlineData("typescript", "const k = `k:${id.replace(/}/g, '')}`;", "constk=id.replace(,);")]
    [InlineData("java", "s = \"}\\\"{\"; /* { */ c = '{';", "s=;c=;")]
    [InlineData("kotlin", "/* a /* b */ } */ x(\"${y(\"}\")}\")", "x(y())")]
    [InlineData("python", "s = '''\n{\n''' # }\nf()", "s=\n\n\nf()")]
    [InlineData("ruby", "x = \"#{a(\"}\")}\" # }", "x=a()")]
    [InlineData("go", "s := `{\n}` + \"}\"", "s:=\n+")]
    [InlineData("php", "$s = <<<EOT\n{ x\nEOT;\n# }\n#[Attr]", "$s=\n\n;\n\n#[Attr]")]
    public void CommentsAndLiteralsAreBlankedCodeInsideInterpolationStays(string language, string text, string expected)
    {
        var masked = new MaskedSource(text, Languages.For(language)!);
        var code = new string(masked.Code.Span);
        Assert.Equal(text.Length, code.Length);
        Assert.Equal(expected, code.Replace(" ", "", StringComparison.Ordinal));
        Assert.False(masked.Unterminated);
    }

    [Theory]
    [InlineData("javascript", "a = `open ${ x")]
    [InlineData("java", "/* never closed { ")]
    [InlineData("python", "s = '''\n{")]
    public void UnterminatedLiteralsAreReportedNotThrown(string language, string text)
    {
        var masked = new MaskedSource(text, Languages.For(language)!);
        Assert.True(masked.Unterminated);
    }
}
