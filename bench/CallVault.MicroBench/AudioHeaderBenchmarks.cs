using BenchmarkDotNet.Attributes;
using CallVault.Core.Audio;

namespace CallVault.MicroBench;

/// <summary>
/// The validate stage's parsing: a WAV header (read alone, whatever the length) and an MP3 whose every frame
/// header is walked to measure the duration — in memory, so the parsing is measured, not the disk.
/// </summary>
[MemoryDiagnoser]
public class AudioHeaderBenchmarks
{
    private MemoryStream _wav = new();
    private MemoryStream _mp3 = new();

    /// <summary>Length of the audio in seconds.</summary>
    [Params(60, 3600)]
    public int Seconds { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dataBytes = Seconds * 8000L * 2 * 2;
        _wav = new MemoryStream(new byte[WavHeader.Size + dataBytes]);
        _wav.Write(WavHeader.Create(2, 8000, 16, dataBytes));
        _mp3 = new MemoryStream(SyntheticMp3.Mono8kHz32kbps(Seconds));
        foreach (var (name, stream) in new[] { ("WAV", _wav), ("MP3", _mp3) })
        {
            stream.Position = 0;
            if (AudioInspector.InspectAsync(stream, CancellationToken.None).GetAwaiter().GetResult() is not AudioInspection.Valid valid
                || Math.Abs(valid.Info.DurationSeconds - Seconds) > 1)
            {
                throw new InvalidOperationException($"The synthetic {name} does not inspect as {Seconds} s of audio.");
            }
        }
    }

    [Benchmark]
    public Task<AudioInspection> InspectWavDual8k16bit()
    {
        _wav.Position = 0;
        return AudioInspector.InspectAsync(_wav, CancellationToken.None);
    }

    [Benchmark]
    public Task<AudioInspection> InspectMp3Mono8k32kbps()
    {
        _mp3.Position = 0;
        return AudioInspector.InspectAsync(_mp3, CancellationToken.None);
    }
}
