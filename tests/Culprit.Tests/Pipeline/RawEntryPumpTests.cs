using Culprit.Framing;
using Culprit.Pipeline;

namespace Culprit.Tests.Pipeline;

/// <summary>The reading thread of analyze: order, failures and an early stop of the reader.</summary>
public sealed class RawEntryPumpTests
{
    private static readonly AnalyzeOptions Small = new() { BatchSize = 100, QueueBatches = 2 };

    private static RawEntry Entry(long line) => new("test", line, line * 10) { EndOffset = (line + 1) * 10 };

    private static IEnumerable<RawEntry> Entries(int count, Action<int>? onEach = null, Exception? thenThrow = null)
    {
        for (var i = 1; i <= count; i++)
        {
            onEach?.Invoke(i);
            yield return Entry(i);
        }

        if (thenThrow is not null)
            throw thenThrow;
    }

    [Fact]
    public async Task EveryEntryArrivesOnceInOrderInBoundedBatches()
    {
        var lines = new List<long>();
        var sizes = new List<int>();
        await using (var pump = RawEntryPump.Start(Entries(1234), Small, CancellationToken.None))
        {
            await foreach (var batch in pump.ReadAllAsync(CancellationToken.None))
            {
                sizes.Add(batch.Count);
                lines.AddRange(batch.Select(e => e.FirstLine));
            }
        }

        Assert.Equal(Enumerable.Range(1, 1234).Select(i => (long)i), lines);
        Assert.Equal(13, sizes.Count);
        Assert.All(sizes[..12], size => Assert.Equal(100, size));
        Assert.Equal(34, sizes[12]);
    }

    [Fact]
    public async Task AFailureOfTheProducerArrivesAfterTheEntriesBeforeIt()
    {
        var lines = new List<long>();
        var failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await using var pump = RawEntryPump.Start(Entries(250, thenThrow: new IOException("disk gone")), Small, CancellationToken.None);
            await foreach (var batch in pump.ReadAllAsync(CancellationToken.None))
                lines.AddRange(batch.Select(e => e.FirstLine));
        });

        Assert.Equal("disk gone", failure.Message);
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), lines);
    }

    [Fact]
    public async Task AReaderThatStopsEarlyStopsTheProducerAndDisposeWaitsForIt()
    {
        var produced = 0;
        var finished = false;
        IEnumerable<RawEntry> Source()
        {
            try
            {
                foreach (var entry in Entries(1_000_000, i => Volatile.Write(ref produced, i)))
                    yield return entry;
            }
            finally
            {
                Volatile.Write(ref finished, true);
            }
        }

        var pump = RawEntryPump.Start(Source(), Small, CancellationToken.None);
        await foreach (var batch in pump.ReadAllAsync(CancellationToken.None))
        {
            Assert.Equal(1, batch[0].FirstLine);
            break;
        }

        await pump.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(Volatile.Read(ref finished));
        // The first batch, two waiting in the queue and the one being filled: the producer never ran ahead further.
        Assert.InRange(Volatile.Read(ref produced), 100, 401);
    }
}
