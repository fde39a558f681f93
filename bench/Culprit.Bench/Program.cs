using BenchmarkDotNet.Running;

namespace Culprit.Bench;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "generate")
            return LogGenerator.Run(args[1..]);
        if (args.Length >= 2 && args[0] == "ingest")
            return await IngestThroughput.RunAsync(args[1..]);
        if (args.Length >= 2 && args[0] == "stages")
            return StageThroughput.Run(args[1..]);
        if (args.Length >= 1 && args[0] == "logstore")
            return await LogStoreThroughput.MainAsync(args[1..]);
        if (args.Length >= 1 && args[0] == "symbols")
            return SymbolThroughput.Run(args[1..]);
        if (args.Length >= 1 && args[0] == "analyze")
            return await AnalyzeThroughput.MainAsync(args[1..]);
        if (args.Length >= 1 && args[0] == "embed")
            return EmbedThroughput.Run(args[1..]);
        if (args.Length >= 1 && args[0] == "index")
            return await IndexThroughput.RunAsync(args[1..]);
        if (args.Length >= 1 && args[0] == "codeindex")
            return await CodeIndexThroughput.MainAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
