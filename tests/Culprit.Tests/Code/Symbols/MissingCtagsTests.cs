using Culprit.Code;
using Culprit.Code.Symbols;

namespace Culprit.Tests.Code.Symbols;

public sealed class MissingCtagsTests
{
    [Fact]
    public void MissingCtagsWarnsOnceNotesEveryFileAndStillExtractsCSharp()
    {
        var warnings = new List<string>();
        var extractor = new SymbolExtractor(new SymbolExtractorOptions
        {
            CtagsPath = "/nonexistent/ctags-missing",
            CtagsBatchSize = 1,
            OnWarning = warnings.Add,
        });
        var files = new[]
        {
            new SourceFile("a.py", CodeLanguages.Python, "def f():\n    pass\n"),
            new SourceFile("B.java", CodeLanguages.Java, "class B { void g() {} }\n"),
            new SourceFile("C.cs", CodeLanguages.CSharp, "class C { void H() { } }\n"),
            new SourceFile("d.txt", "text", "hello"),
        };

        var result = extractor.Extract(files);

        var warning = Assert.Single(warnings);
        Assert.Contains("universal-ctags", warning, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/ctags-missing", warning, StringComparison.Ordinal);
        Assert.Equal(warnings, extractor.Warnings);
        Assert.Equal(["a.py", "B.java", "C.cs", "d.txt"], result.Select(r => r.Path));
        Assert.Empty(result[0].Symbols);
        Assert.StartsWith("no symbols: ctags could not be started", result[0].Note, StringComparison.Ordinal);
        Assert.StartsWith("no symbols: ctags could not be started", result[1].Note, StringComparison.Ordinal);
        Assert.Equal(["C", "C.H"], result[2].Symbols.Select(s => s.QualifiedName));
        Assert.Null(result[2].Note);
        Assert.Equal("no symbol extractor for language 'text'", result[3].Note);
    }

    [Fact]
    public void FailingCtagsIsReportedWithItsExitCode()
    {
        var warnings = new List<string>();
        var extractor = new CtagsSymbolExtractor(new SymbolExtractorOptions { CtagsPath = "/bin/false", OnWarning = warnings.Add });

        var result = extractor.Extract([new SourceFile("a.go", CodeLanguages.Go, "package a\nfunc F() {}\n")]);

        Assert.StartsWith("ctags failed (/bin/false exited with 1", Assert.Single(warnings), StringComparison.Ordinal);
        Assert.Empty(result[0].Symbols);
        Assert.NotNull(result[0].Note);
    }

    [Fact]
    public void InvalidOptionsAreRejectedWithEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new SymbolExtractor(new SymbolExtractorOptions { CtagsPath = " ", CtagsBatchSize = 0, MaxParallelism = 0 }));
        Assert.Contains("CtagsPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("CtagsBatchSize must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxParallelism must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
    }
}
