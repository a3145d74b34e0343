using System.Buffers.Binary;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>8 kHz 16-bit PCM WAV of tone pairs changing every half second (a different pair per channel).</summary>
internal static class ToneWav
{
    private const int SampleRate = 8000;
    private static readonly int[] Frequencies = [350, 440, 480, 620, 697, 770, 852, 941, 1209, 1336, 1477];

    public static async Task WriteAsync(string path, int channels, int seconds, CancellationToken cancellationToken)
    {
        var frames = SampleRate * seconds;
        var data = new byte[frames * channels * 2];
        for (var frame = 0; frame < frames; frame++)
        {
            var step = frame / (SampleRate / 2);
            for (var channel = 0; channel < channels; channel++)
            {
                var low = Frequencies[(step + (channel * 3)) % Frequencies.Length];
                var high = Frequencies[(step * 7 + 5 + channel) % Frequencies.Length];
                var t = (double)frame / SampleRate;
                var value = 6000 * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t));
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(((frame * channels) + channel) * 2), (short)value);
            }
        }

        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + data.Length);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), SampleRate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), data.Length);
        await using var file = File.Create(path);
        await file.WriteAsync(header, cancellationToken);
        await file.WriteAsync(data, cancellationToken);
    }
}
