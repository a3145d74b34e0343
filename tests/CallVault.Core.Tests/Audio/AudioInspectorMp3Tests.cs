using CallVault.Core.Audio;
using static CallVault.Core.Tests.Audio.TestAudio;

namespace CallVault.Core.Tests.Audio;

/// <summary>MP3 inspection against the ffmpeg-made fixtures in TestData/Audio (see its README).</summary>
public sealed class AudioInspectorMp3Tests
{
    /// <summary>MPEG 2.5 Layer III, 8 kHz mono 32 kbps, no tags: every frame is 72 × 32000 / 8000 bytes.</summary>
    internal const string BareFixture = "mono_8k_bare.mp3";
    internal const int BareFrameBytes = 288;
    internal const int BareFrames = 44;
    internal const double BareFrameSeconds = 576.0 / 8000;

    [Theory]
    [InlineData(BareFixture, 3.168, 1, 8000)] // no gapless info: all 44 decoded frames (ffprobe says 3.168)
    [InlineData("stereo_16k_id3.mp3", 2.0, 2, 16000)] // 2 s tone; ID3v2 tag, Info/LAME frame
    [InlineData("mpeg1_44k_id3v1.mp3", 2.0, 1, 44100)] // 2 s tone; ID3v2, Info/LAME frame, ID3v1 trailer
    public async Task InspectAsync_Mp3Fixture_ReturnsDurationChannelsAndRate(string fixture, double seconds, int channels, int sampleRate)
    {
        // Arrange
        await using var stream = File.OpenRead(FixturePath(fixture));

        // Act
        var info = AssertValid(await AudioInspector.InspectAsync(stream, CancellationToken.None));

        // Assert
        Assert.Equal(AudioFormat.Mp3, info.Format);
        Assert.Equal("mp3", info.Codec);
        Assert.Equal(channels, info.Channels);
        Assert.Equal(sampleRate, info.SampleRate);
        Assert.Equal(0, info.BitsPerSample);
        Assert.InRange(info.DurationSeconds, seconds - 0.1, seconds + 0.1);
        Assert.InRange(info.AudioDataBytes, 1, stream.Length);
    }

    [Fact]
    public async Task InspectAsync_BareFixture_CountsEveryFrame()
    {
        // Arrange
        var mp3 = Fixture(BareFixture);
        Assert.Equal(BareFrames * BareFrameBytes, mp3.Length);

        // Act
        var info = AssertValid(await InspectAsync(mp3));

        // Assert
        Assert.Equal(BareFrames * BareFrameSeconds, info.DurationSeconds, 9);
        Assert.Equal(mp3.Length, info.AudioDataBytes);
    }

    [Theory]
    [InlineData("stereo_16k_id3.mp3")]
    [InlineData("mpeg1_44k_id3v1.mp3")]
    public async Task InspectAsync_InfoFrameWithLameGaplessData_ReturnsExactToneDuration(string fixture)
    {
        // Act: the Info frame is skipped and the encoder delay and padding are trimmed
        var info = AssertValid(await InspectAsync(Fixture(fixture)));

        // Assert
        Assert.Equal(2.0, info.DurationSeconds, 3);
    }

    [Fact]
    public async Task InspectAsync_Id3v1Trailer_IsNotCountedAsAudio()
    {
        // Arrange
        var mp3 = Fixture("mpeg1_44k_id3v1.mp3");
        Assert.Equal("TAG"u8.ToArray(), mp3[^128..^125]);

        // Act
        var info = AssertValid(await InspectAsync(mp3));

        // Assert
        Assert.True(info.AudioDataBytes < mp3.Length - 128);
    }

    [Fact]
    public async Task InspectAsync_Mp3TruncatedInsideAFrame_ReturnsValidWithWholeFramesOnly()
    {
        // Arrange: 30 whole frames and the first 100 bytes of the 31st
        var truncated = Fixture(BareFixture)[..((30 * BareFrameBytes) + 100)];

        // Act
        var info = AssertValid(await InspectAsync(truncated));

        // Assert
        Assert.Equal(30 * BareFrameSeconds, info.DurationSeconds, 9);
        Assert.Equal(30 * BareFrameBytes, info.AudioDataBytes);
    }

    [Fact]
    public async Task InspectAsync_Mp3WithTagsTruncatedInsideAFrame_ReturnsShorterDuration()
    {
        // Arrange
        var mp3 = Fixture("stereo_16k_id3.mp3");
        var truncated = mp3[..(mp3.Length / 2)];

        // Act
        var full = AssertValid(await InspectAsync(mp3));
        var half = AssertValid(await InspectAsync(truncated));

        // Assert
        Assert.InRange(half.DurationSeconds, 0.5, full.DurationSeconds - 0.5);
    }

    [Fact]
    public async Task InspectAsync_GarbageSplicedBetweenFrames_ReturnsSyncLostAtThatByte()
    {
        // Arrange
        var mp3 = Fixture(BareFixture);
        var garbage = new byte[500];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x55;
        var splice = 20 * BareFrameBytes;
        byte[] corrupt = [.. mp3[..splice], .. garbage, .. mp3[splice..]];

        // Act
        var reason = AssertInvalid(await InspectAsync(corrupt));

        // Assert
        Assert.Equal($"corrupt MP3: frame sync lost at byte {splice}", reason);
    }

    [Fact]
    public async Task InspectAsync_GarbageSplicedInsideAFrameAfterTags_ReturnsSyncLost()
    {
        // Arrange
        var mp3 = Fixture("mpeg1_44k_id3v1.mp3");
        var garbage = new byte[333];
        new Random(11).NextBytes(garbage);
        var splice = mp3.Length / 2;
        byte[] corrupt = [.. mp3[..splice], .. garbage, .. mp3[splice..]];

        // Act
        var reason = AssertInvalid(await InspectAsync(corrupt));

        // Assert
        Assert.StartsWith("corrupt MP3: frame sync lost at byte ", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2024)]
    public async Task InspectAsync_RandomBytesAfterMp3Sync_ReturnsInvalid(int seed)
    {
        // Arrange
        var bytes = new byte[8192];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xFB;
        bytes[2] = 0x90; // 128 kbps, 44.1 kHz: a valid first header
        bytes[3] = 0x64;

        // Act
        var reason = AssertInvalid(await InspectAsync(bytes));

        // Assert
        Assert.StartsWith("not a WAV or MP3 file", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_OnlyTwoFrames_ReturnsInvalid()
    {
        // Arrange
        var twoFrames = Fixture(BareFixture)[..(2 * BareFrameBytes)];

        // Act
        var reason = AssertInvalid(await InspectAsync(twoFrames));

        // Assert
        Assert.Contains("fewer than 3 MPEG audio frames", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_FirstFrameNotRightAfterId3Tag_ReturnsInvalid()
    {
        // Arrange: ID3v2 header declaring 0 bytes of tag, then junk before the frames
        byte[] id3 = [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 0];
        byte[] mp3 = [.. id3, 0x00, 0x00, 0x00, .. Fixture(BareFixture)];

        // Act
        var reason = AssertInvalid(await InspectAsync(mp3));

        // Assert
        Assert.Contains("not a WAV or MP3 file", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_Id3TagWithoutAudio_ReturnsInvalid()
    {
        // Arrange
        var mp3 = Fixture("stereo_16k_id3.mp3");
        var tagOnly = mp3[..(10 + mp3[9])];

        // Act
        var reason = AssertInvalid(await InspectAsync(tagOnly));

        // Assert
        Assert.Contains("not a WAV or MP3 file", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectAsync_MalformedId3Size_ReturnsInvalid()
    {
        // Arrange: syncsafe size bytes must be below 0x80
        byte[] mp3 = [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0x80, 0, .. Fixture(BareFixture)];

        // Act
        var reason = AssertInvalid(await InspectAsync(mp3));

        // Assert
        Assert.Contains("ID3v2", reason, StringComparison.Ordinal);
    }
}
