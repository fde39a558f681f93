using Culprit.Code;

namespace Culprit.Tests.Code.Symbols;

public sealed class MalformedSourceTests
{
    [Fact]
    public void UnbalancedBracesRunToTheEndOfTheFileWithANote()
    {
        var file = Symbols.Of("broken.js", "function ok() { return a(); }\n\nfunction open(x) {\n  if (x) {\n    b();\n");
        Assert.Equal(["function ok 1-1", "function open 3-5"], Symbols.Lines(file));
        Assert.Equal("b", Symbols.Calls(file, "open"));
        Assert.NotNull(file.Note);
    }

    [Theory]
    [InlineData("t.py", "class A:\n    def f(self):\n        s = '''never closed\n")]
    [InlineData("t.kt", "package p\nclass A {\n    fun f() {\n        val s = \"${\n")]
    [InlineData("t.ts", "export class A {\n  x = `${`;\n  f() {\n")]
    [InlineData("t.php", "<?php\nclass A {\n  function f() { $s = <<<EOT\n")]
    [InlineData("t.java", "class A { void f() { /* ")]
    [InlineData("t.go", "package p\nfunc F() {\n\ts := `\n")]
    [InlineData("t.rb", "class A\n  def f\n    \"#{\n")]
    [InlineData("t.cs", "class A { void F() { var s = $\"{")]
    [InlineData("t.js", "}}}{{{ ) ( function ( { => `")]
    [InlineData("t.py", "")]
    public void TruncatedFilesGiveSymbolsOrNotesWithoutThrowing(string path, string text)
    {
        var file = Symbols.Of(path, text);
        Assert.Equal(path, file.Path);
        foreach (var symbol in file.Symbols)
            Assert.True(symbol.EndLine >= symbol.StartLine, symbol.QualifiedName);
    }
}
