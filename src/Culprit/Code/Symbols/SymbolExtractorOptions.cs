namespace Culprit.Code.Symbols;

/// <summary>Settings of <see cref="SymbolExtractor"/>; the defaults suit a whole repository.</summary>
public sealed class SymbolExtractorOptions
{
    /// <summary>The Universal Ctags executable, a name looked up on PATH or a full path. Default <c>ctags</c>.</summary>
    public string CtagsPath { get; set; } = "ctags";

    /// <summary>Files per ctags process. Default 500.</summary>
    public int CtagsBatchSize { get; set; } = 500;

    /// <summary>Batches (ctags processes or C# file groups) worked on at once. Default: the number of cores.</summary>
    public int MaxParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Called once per problem that affects many files (ctags missing or failing); the engine never writes to the console.</summary>
    public Action<string>? OnWarning { get; set; }

    /// <summary>The problems with the settings, empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(CtagsPath))
            problems.Add("CtagsPath must name the ctags executable");
        if (CtagsBatchSize < 1)
            problems.Add($"CtagsBatchSize must be at least 1 (was {CtagsBatchSize})");
        if (MaxParallelism < 1)
            problems.Add($"MaxParallelism must be at least 1 (was {MaxParallelism})");
        return problems;
    }
}
