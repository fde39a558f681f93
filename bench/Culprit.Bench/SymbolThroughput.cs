using System.Diagnostics;
using System.Globalization;
using Culprit.Code;
using Culprit.Code.Symbols;

namespace Culprit.Bench;

/// <summary>
/// Symbol extraction over a synthetic repository (C#, Java, Python, TypeScript), all cores.
/// Usage: symbols [--files 20000] [--functions 10] [--dir FOLDER (kept, reused when it exists)] [--batch 500] [--language csharp]
/// </summary>
public static class SymbolThroughput
{
    public static int Run(string[] args)
    {
        var files = IntOption(args, "--files", 20_000);
        var functions = IntOption(args, "--functions", 10);
        var batch = IntOption(args, "--batch", 500);
        var keep = Option(args, "--dir");
        var only = Option(args, "--language");
        var folder = keep ?? Path.Combine(Path.GetTempPath(), "culprit-symbols-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = Stopwatch.StartNew();
            var paths = keep is not null && Directory.Exists(keep) ? Existing(keep) : SyntheticRepo.Write(folder, files, functions, seed: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {paths.Count:N0} files in {clock.Elapsed.TotalSeconds:N1} s under {folder}"));

            var sources = new List<SourceFile>(paths.Count);
            long bytes = 0;
            foreach (var path in paths)
            {
                var language = CodeLanguages.FromPath(path)!;
                if (only is not null && language != only)
                    continue;
                var text = File.ReadAllText(Path.Combine(folder, path));
                bytes += text.Length;
                sources.Add(new SourceFile(path, language, text));
            }

            var extractor = new SymbolExtractor(new SymbolExtractorOptions { CtagsBatchSize = batch, OnWarning = Console.Error.WriteLine });
            clock.Restart();
            var results = extractor.Extract(sources);
            var seconds = clock.Elapsed.TotalSeconds;

            long callables = 0, symbols = 0, notes = 0;
            var perLanguage = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                symbols += result.Symbols.Count;
                notes += result.Note is null ? 0 : 1;
                foreach (var symbol in result.Symbols)
                {
                    if (!SymbolKinds.IsCallable(symbol.Kind))
                        continue;
                    callables++;
                    perLanguage[result.Language] = perLanguage.GetValueOrDefault(result.Language) + 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sources.Count:N0} files ({bytes / 1048576.0:N1} MB), {symbols:N0} symbols, {callables:N0} functions, {notes:N0} notes, {Environment.ProcessorCount} cores"));
            foreach (var (language, count) in perLanguage)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {language,-12} {count,9:N0} functions"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"extract: {seconds:N2} s, {sources.Count / seconds:N0} files/s, {callables / seconds:N0} functions/s"));
            return 0;
        }
        finally
        {
            if (keep is null && Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Existing(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
