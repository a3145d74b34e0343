using CallVault.Simulator.Tests.TestSupport;

namespace CallVault.Simulator.Tests;

public sealed class SpeechAudioTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task TrySynthesizeAsync_ToolsInstalled_WritesPcmWav8k(int channels)
    {
        RequireTools();
        var path = Path.Combine(Path.GetTempPath(), $"callvault-speech-{Guid.NewGuid():N}.wav");
        try
        {
            var written = await SpeechAudio.TrySynthesizeAsync("Thank you for calling. Your card number is not recorded.", channels, path, CancellationToken.None);

            Assert.Equal(Path.GetFullPath(path), written);
            var bytes = await File.ReadAllBytesAsync(path);
            var header = WavAssert.Header(bytes);
            Assert.Equal((channels, 8000, 16), (header.Channels, header.SampleRate, header.Bits));
            Assert.Equal(bytes.LongLength - 44, header.DataBytes);
            Assert.True(header.DataBytes > 8000 * 2 * channels, "at least a second of speech");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TrySynthesizeAsync_ThreeChannels_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SpeechAudio.TrySynthesizeAsync("hi", 3, "x.wav", CancellationToken.None));
    }

    [Fact]
    public async Task TrySynthesizeAsync_Cancelled_Throws()
    {
        RequireTools();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SpeechAudio.TrySynthesizeAsync("hello", 1, Path.Combine(Path.GetTempPath(), $"cv-{Guid.NewGuid():N}.wav"), cancelled.Token));
    }

    /// <summary>Fails (never skips) when the tools are missing: test.sh installs them.</summary>
    private static void RequireTools()
    {
        var missing = SpeechAudio.MissingTools();
        Assert.True(missing.Count == 0,
            $"SpeechAudio needs {string.Join(" and ", missing)} on PATH (test.sh installs espeak-ng and sox; on Debian/Ubuntu: apt-get install espeak-ng sox).");
    }
}
