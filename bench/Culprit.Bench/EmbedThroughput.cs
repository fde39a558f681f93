using System.Diagnostics;
using System.Globalization;
using Culprit.Code.Embeddings;
using Culprit.Code.Index;

namespace Culprit.Bench;

/// <summary>
/// Chunks per second of an embedder on generated method chunks (documents as the indexer builds them).
/// Usage: embed [--chunks 2000] [--embedder minilm|hashing] [--batch 32] [--max-tokens 256]
/// </summary>
public static class EmbedThroughput
{
    public static int Run(string[] args)
    {
        var count = 2000;
        var name = "minilm";
        var batch = 32;
        var maxTokens = MiniLmEmbedder.DefaultMaxTokens;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--chunks": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--embedder": name = args[++i]; break;
                case "--batch": batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--max-tokens": maxTokens = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: embed [--chunks N] [--embedder minilm|hashing] [--batch N] [--max-tokens N]");
                    return 2;
            }
        }

        var documents = Documents(count);
        var load = Stopwatch.StartNew();
        if (!Embedders.TryCreate(name, out var embedder, out var error))
        {
            Console.Error.WriteLine(error);
            return 2;
        }

        if (embedder is MiniLmEmbedder && (batch != 32 || maxTokens != MiniLmEmbedder.DefaultMaxTokens))
        {
            ((MiniLmEmbedder)embedder).Dispose();
            embedder = new MiniLmEmbedder(batch, maxTokens: maxTokens);
        }
        load.Stop();
        embedder.Embed(documents.Take(16).ToArray());

        var watch = Stopwatch.StartNew();
        var vectors = embedder.Embed(documents);
        watch.Stop();
        var chars = documents.Sum(d => (long)d.Length);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{embedder.Name}: {count:N0} chunks ({chars / (double)count:N0} chars avg) in {watch.Elapsed.TotalSeconds:N2} s = {count / watch.Elapsed.TotalSeconds:N0} chunks/s; load {load.Elapsed.TotalMilliseconds:N0} ms; {Environment.ProcessorCount} cores; {vectors[0].Length} dims"));
        (embedder as IDisposable)?.Dispose();
        return 0;
    }

    /// <summary>The documents of generated method chunks (class headers left out), as many as asked.</summary>
    public static List<string> Documents(int count)
    {
        var generator = new CodeGenerator(7);
        var chunker = new CodeChunker();
        var documents = new List<string>(count);
        for (var f = 0; documents.Count < count; f++)
        {
            var (text, symbols) = generator.File($"Service{f}", 20);
            foreach (var chunk in chunker.Chunk($"src/Services/Service{f}.cs", text, symbols))
            {
                if (chunk.SymbolIndex > 0 && documents.Count < count)
                    documents.Add(chunk.Document);
            }
        }

        return documents;
    }
}
