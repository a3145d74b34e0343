using System.Buffers;
using CallVault.Simulator.Internal;

namespace CallVault.Simulator.Api;

/// <summary>Copies media to the response in chunks, counting bytes and honouring <see cref="SimulatorFaults.BytesPerSecond"/>.</summary>
internal static class MediaWriter
{
    private const int ChunkSize = 64 * 1024;

    public static async Task CopyAsync(Stream source, Stream destination, long count, SimulatorState state, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var time = state.TimeProvider;
            var started = time.GetTimestamp();
            long sent = 0;
            while (sent < count)
            {
                var rate = state.Faults.BytesPerSecond;
                var chunk = (int)Math.Min(ChunkSize, count - sent);
                if (rate > 0)
                {
                    chunk = (int)Math.Min(chunk, Math.Max(1, rate / 10));
                }

                var read = await source.ReadAsync(buffer.AsMemory(0, chunk), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent += read;
                state.Stats.MediaBytes(read);
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds((double)sent / rate);
                    var elapsed = time.GetElapsedTime(started);
                    if (due > elapsed)
                    {
                        await Task.Delay(due - elapsed, time, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
