using static CallVault.Core.Tests.Audio.TestAudio;

namespace CallVault.Core.Tests.Audio;

/// <summary>Malformed WAV headers and chunk layouts: each gives Invalid with a reason, never an exception.</summary>
public sealed class AudioInspectorWavHeaderTests
{
    [Fact]
    public async Task InspectAsync_RiffWithoutDataChunk_ReturnsInvalid()
    {
        // Arrange
        var wav = Riff(Chunk("fmt ", FmtBody(Pcm, 1, 8000, 16)), Chunk("LIST", new byte[20]));

        // Act
        var reason = AssertInvalid(await InspectAsync(wav));

        // Assert
        Assert.Equal("WAV has no data chunk", reason);
    }

    [Fact]
    public async Task InspectAsync_DataChunkBeforeFmt_ReturnsInvalid()
    {
        // Arrange
        var wav = Riff(Chunk("data", new byte[1600]), Chunk("fmt ", FmtBody(Pcm, 1, 8000, 16)));

        // Act
        var reason = AssertInvalid(await InspectAsync(wav));

        // Assert
        Assert.Contains("before the fmt chunk", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Pcm, 0, 8000, 16, null, null, "channel count 0")]
    [InlineData(Pcm, 9, 8000, 16, null, null, "channel count 9")]
    [InlineData(Pcm, 1, 999, 16, null, null, "sample rate 999")]
    [InlineData(Pcm, 1, 384001, 16, null, null, "sample rate 384001")]
    [InlineData(Pcm, 2, 8000, 16, 2, null, "block align 2")]
    [InlineData(Pcm, 1, 8000, 16, null, 8000, "byte rate 8000")]
    [InlineData(Pcm, 1, 8000, 12, null, null, "unsupported WAV encoding")]
    [InlineData((ushort)0x0055, 1, 8000, 16, null, null, "format code 0x0055")]
    public async Task InspectAsync_InconsistentFmtChunk_ReturnsInvalidWithReason(
        ushort formatTag, int channels, int sampleRate, int bits, int? blockAlign, int? byteRate, string expected)
    {
        // Arrange
        var wav = Riff(Chunk("fmt ", FmtBody(formatTag, channels, sampleRate, bits, blockAlign, byteRate)), Chunk("data", new byte[3200]));

        // Act
        var reason = AssertInvalid(await InspectAsync(wav));

        // Assert
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_ChunkSizeBeyondEndOfFile_ReturnsInvalid()
    {
        // Arrange: a LIST chunk claiming 4 GB hides the rest of the file
        var wav = Riff(Chunk("fmt ", FmtBody(Pcm, 1, 8000, 16)), Chunk("LIST", new byte[8], declaredSize: 0xFFFFFFF0), Chunk("data", new byte[1600]));

        // Act
        var reason = AssertInvalid(await InspectAsync(wav));

        // Assert
        Assert.Equal("WAV has no data chunk", reason);
    }
}
