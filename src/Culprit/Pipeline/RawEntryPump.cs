using System.Threading.Channels;
using Culprit.Framing;

namespace Culprit.Pipeline;

/// <summary>
/// Enumerates framed entries on a thread of its own into a bounded channel of batches, so reading and framing
/// overlap with the caller's work while memory stays bounded (<see cref="AnalyzeOptions.QueueBatches"/> batches of
/// <see cref="AnalyzeOptions.BatchSize"/> entries). The entries arrive in order, each once; the channel is completed
/// exactly once, with the producer's failure if it had one, which <see cref="ReadAllAsync"/> then throws.
/// Disposing stops a producer whose reader left early and waits for it, so the entries' source (a file, a
/// <see cref="Culprit.Ingestion.LineReader"/>) is no longer used once this is disposed.
/// </summary>
internal sealed class RawEntryPump : IAsyncDisposable
{
    private readonly Channel<List<RawEntry>> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    private RawEntryPump(IEnumerable<RawEntry> entries, int batchSize, int queueBatches, CancellationToken cancellationToken)
    {
        _channel = Channel.CreateBounded<List<RawEntry>>(new BoundedChannelOptions(queueBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _producer = Task.Factory.StartNew(
            () => Produce(entries, batchSize),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>Starts enumerating <paramref name="entries"/> on its own thread.</summary>
    public static RawEntryPump Start(IEnumerable<RawEntry> entries, AnalyzeOptions options, CancellationToken cancellationToken) =>
        new(entries, options.BatchSize, options.QueueBatches, cancellationToken);

    /// <summary>The batches in order; throws the producer's failure after the batches before it.</summary>
    public IAsyncEnumerable<List<RawEntry>> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _producer;
        _stop.Dispose();
    }

    private void Produce(IEnumerable<RawEntry> entries, int batchSize)
    {
        Exception? failure = null;
        var batch = new List<RawEntry>(batchSize);
        try
        {
            foreach (var raw in entries)
            {
                batch.Add(raw);
                if (batch.Count < batchSize)
                    continue;
                Write(batch);
                batch = new List<RawEntry>(batchSize);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        try
        {
            // The entries framed before a failure still go first, as they would on one thread.
            if (batch.Count > 0 && failure is not OperationCanceledException)
                Write(batch);
        }
        catch (Exception e)
        {
            failure ??= e;
        }
        finally
        {
            _channel.Writer.TryComplete(failure);
        }
    }

    private void Write(List<RawEntry> batch)
    {
        var token = _stop.Token;
        token.ThrowIfCancellationRequested();
        while (!_channel.Writer.TryWrite(batch))
        {
            if (!_channel.Writer.WaitToWriteAsync(token).AsTask().GetAwaiter().GetResult())
                throw new OperationCanceledException(token);
        }
    }
}
