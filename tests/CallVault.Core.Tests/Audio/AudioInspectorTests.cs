using CallVault.Core.Audio;
using static CallVault.Core.Tests.Audio.TestAudio;

namespace CallVault.Core.Tests.Audio;

/// <summary>WAV inspection and detection of non-audio input; MP3 cases are in <see cref="AudioInspectorMp3Tests"/>.</summary>
public sealed class AudioInspectorTests
{
    [Theory]
    [InlineData(1, 1.5)]
    [InlineData(2, 2.25)]
    public async Task InspectAsync_Pcm16Wav_ReturnsValidWithDuration(int channels, double seconds)
    {
        // Arrange
        var wav = Pcm16Wav(channels, 8000, seconds);

        // Act
        var info = AssertValid(await InspectAsync(wav));

        // Assert
        Assert.Equal(new AudioInfo(AudioFormat.Wav, "pcm_s16le", channels, 8000, 16, seconds, wav.Length - WavHeader.Size), info);
    }

    [Fact]
    public async Task InspectAsync_WavWithOddSizedListAndFactChunksBeforeData_SkipsThemWithPadding()
    {
        // Arrange: a 7-byte LIST chunk needs a pad byte before the next chunk
        var samples = Pcm16Samples(1, 8000, 1);
        var wav = Riff(
            Chunk("fmt ", FmtBody(Pcm, 1, 8000, 16)),
            Chunk("LIST", "INFOabc"u8.ToArray()),
            Chunk("fact", new byte[4]),
            Chunk("data", samples));

        // Act
        var info = AssertValid(await InspectAsync(wav));

        // Assert
        Assert.Equal(1.0, info.DurationSeconds, 6);
        Assert.Equal(samples.Length, info.AudioDataBytes);
    }

    [Theory]
    [InlineData(MuLaw, 8, "pcm_mulaw")]
    [InlineData(ALaw, 8, "pcm_alaw")]
    [InlineData(IeeeFloat, 32, "pcm_f32le")]
    [InlineData(Pcm, 8, "pcm_u8")]
    [InlineData(Pcm, 24, "pcm_s24le")]
    public async Task InspectAsync_WavEncoding_ReturnsCodecName(ushort formatTag, int bits, string codec)
    {
        // Arrange: two seconds of stereo at 8 kHz
        var bytesPerSecond = 8000 * 2 * bits / 8;
        var wav = Riff(Chunk("fmt ", FmtBody(formatTag, 2, 8000, bits)), Chunk("data", new byte[bytesPerSecond * 2]));

        // Act
        var info = AssertValid(await InspectAsync(wav));

        // Assert
        Assert.Equal(codec, info.Codec);
        Assert.Equal(2, info.Channels);
        Assert.Equal(bits, info.BitsPerSample);
        Assert.Equal(2.0, info.DurationSeconds, 6);
    }

    [Theory]
    [InlineData(MuLaw, 8, "pcm_mulaw")]
    [InlineData(Pcm, 16, "pcm_s16le")]
    [InlineData(IeeeFloat, 32, "pcm_f32le")]
    public async Task InspectAsync_WaveFormatExtensible_UsesSubformat(ushort subFormat, int bits, string codec)
    {
        // Arrange
        var wav = Riff(Chunk("fmt ", ExtensibleFmtBody(subFormat, 2, 16000, bits)), Chunk("data", new byte[16000 * 2 * bits / 8]));

        // Act
        var info = AssertValid(await InspectAsync(wav));

        // Assert
        Assert.Equal(codec, info.Codec);
        Assert.Equal(16000, info.SampleRate);
        Assert.Equal(1.0, info.DurationSeconds, 6);
    }

    [Theory]
    [InlineData(uint.MaxValue)]
    [InlineData(0u)]
    public async Task InspectAsync_StreamingWavWithUnknownDataSize_UsesRemainingBytes(uint declaredSize)
    {
        // Arrange
        var samples = Pcm16Samples(1, 8000, 3);
        var header = WavHeader.Create(1, 8000, 16, 0);
        BitConverter.TryWriteBytes(header.AsSpan(40), declaredSize);
        BitConverter.TryWriteBytes(header.AsSpan(4), declaredSize);

        // Act
        var info = AssertValid(await InspectAsync([.. header, .. samples]));

        // Assert
        Assert.Equal(3.0, info.DurationSeconds, 6);
        Assert.Equal(samples.Length, info.AudioDataBytes);
    }

    [Fact]
    public async Task InspectAsync_TruncatedWav_ReturnsInvalidWithDeclaredAndPresentSizes()
    {
        // Arrange: header says 2 s, the file holds 1 s
        var header = WavHeader.Create(1, 8000, 16, 32000);
        var samples = Pcm16Samples(1, 8000, 1);

        // Act
        var reason = AssertInvalid(await InspectAsync([.. header, .. samples]));

        // Assert
        Assert.Equal("truncated: header declares 32000 bytes of audio, file holds 16000", reason);
    }

    [Fact]
    public async Task InspectAsync_WavHeaderOnlyDeclaringAudio_ReturnsTruncated()
    {
        // Act
        var reason = AssertInvalid(await InspectAsync(WavHeader.Create(2, 8000, 16, 64000)));

        // Assert
        Assert.StartsWith("truncated", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_WavWithZeroDataBytes_ReturnsInvalid()
    {
        // Act
        var reason = AssertInvalid(await InspectAsync(WavHeader.Create(1, 8000, 16, 0)));

        // Assert
        Assert.Contains("no audio", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_EmptyFile_ReturnsInvalid()
    {
        // Act
        var reason = AssertInvalid(await InspectAsync([]));

        // Assert
        Assert.Contains("not a WAV or MP3 file", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>404 Not Found</body></html>")]
    [InlineData("{\"code\": 20404, \"message\": \"The requested resource was not found\"}")]
    [InlineData("RIFF\0\0\0\0AVI LIST")]
    [InlineData("RIF")]
    public async Task InspectAsync_TextOrOtherContainer_ReturnsNotAudio(string content)
    {
        // Act
        var reason = AssertInvalid(await InspectAsync(System.Text.Encoding.ASCII.GetBytes(content)));

        // Assert
        Assert.Equal("not a WAV or MP3 file", reason);
    }

    [Fact]
    public async Task InspectAsync_RandomBytes_ReturnsNotAudio()
    {
        // Arrange
        var bytes = new byte[10_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;

        // Act
        var reason = AssertInvalid(await InspectAsync(bytes));

        // Assert
        Assert.Equal("not a WAV or MP3 file", reason);
    }

    [Fact]
    public async Task InspectAsync_StreamNotAtStart_InspectsFromTheBeginning()
    {
        // Arrange
        using var stream = new MemoryStream(Pcm16Wav(1, 8000, 1)) { Position = 100 };

        // Act
        var info = AssertValid(await AudioInspector.InspectAsync(stream, CancellationToken.None));

        // Assert
        Assert.Equal(1.0, info.DurationSeconds, 6);
    }

    [Fact]
    public async Task InspectAsync_CancelledToken_Throws()
    {
        // Arrange
        using var stream = new MemoryStream(Pcm16Wav(1, 8000, 1));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        // Act / Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AudioInspector.InspectAsync(stream, cts.Token));
    }
}
