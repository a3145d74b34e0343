using CallVault.Core.Audio;
using static CallVault.Core.Tests.Audio.TestAudio;

namespace CallVault.Core.Tests.Audio;

/// <summary>
/// Long recordings on disk: the inspector must read them through one small buffer. A tracking
/// stream records the largest single read and the total read.
/// </summary>
public sealed class AudioInspectorLargeFileTests
{
    private const int WriteBufferBytes = 1024 * 1024;

    [Fact]
    public async Task InspectAsync_TwoHourStereoWavOnDisk_ReturnsDurationWithoutReadingTheAudio()
    {
        // Arrange: 2 h × 8000 Hz × 2 channels × 2 bytes ≈ 230 MB, written in 1 MB pieces
        const long seconds = 2 * 60 * 60;
        const long dataBytes = seconds * 8000 * 2 * 2;
        var path = Path.Combine(Path.GetTempPath(), $"callvault-{Guid.NewGuid():N}.wav");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, useAsync: true))
            {
                await file.WriteAsync(WavHeader.Create(2, 8000, 16, dataBytes));
                var block = Pcm16Samples(2, 8000, WriteBufferBytes / 32000.0);
                for (long written = 0; written < dataBytes; written += block.Length)
                {
                    await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, dataBytes - written)));
                }
            }

            await using var stream = new ReadTrackingStream(File.OpenRead(path));

            // Act
            var info = AssertValid(await AudioInspector.InspectAsync(stream, CancellationToken.None));

            // Assert
            Assert.Equal(seconds, info.DurationSeconds, 6);
            Assert.Equal(dataBytes, info.AudioDataBytes);
            Assert.Equal(2, info.Channels);
            Assert.InRange(stream.TotalBytesRead, WavHeader.Size, StreamWindow.DefaultBufferSize);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task InspectAsync_FiftyMegabyteMp3OnDisk_WalksEveryFrameThroughASmallBuffer()
    {
        // Arrange: the bare fixture (whole frames, no tags) repeated to about 50 MB
        var fixture = Fixture(AudioInspectorMp3Tests.BareFixture);
        var repeats = (50 * 1024 * 1024) / fixture.Length;
        var path = Path.Combine(Path.GetTempPath(), $"callvault-{Guid.NewGuid():N}.mp3");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, WriteBufferBytes, useAsync: true))
            {
                for (var i = 0; i < repeats; i++)
                {
                    await file.WriteAsync(fixture);
                }
            }

            await using var stream = new ReadTrackingStream(File.OpenRead(path));

            // Act
            var info = AssertValid(await AudioInspector.InspectAsync(stream, CancellationToken.None));

            // Assert
            var expectedFrames = (long)repeats * AudioInspectorMp3Tests.BareFrames;
            Assert.Equal(expectedFrames * AudioInspectorMp3Tests.BareFrameSeconds, info.DurationSeconds, 6);
            Assert.Equal(stream.Length, info.AudioDataBytes);
            Assert.InRange(stream.LargestRead, 1, StreamWindow.DefaultBufferSize);
            // Each byte is read about once: frame bodies that straddle a refill are skipped, never re-read in bulk.
            Assert.InRange(stream.TotalBytesRead, stream.Length * 9 / 10, stream.Length + (stream.Length / 10));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
