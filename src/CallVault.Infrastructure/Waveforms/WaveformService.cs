using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Waveforms;

/// <summary>
/// Waveform peaks of a stored recording: the stored object is streamed through ffmpeg into 8 kHz PCM
/// and folded into peaks as it arrives, then kept as a small JSON file named by the recording and
/// its checksum, so each stored version is decoded once.
/// </summary>
internal sealed partial class WaveformService
{
    public const int SampleRate = 8000;

    /// <summary>About this many peaks per channel, whatever the length of the call.</summary>
    public const int TargetPeaks = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IRecordingStorage _storage;
    private readonly FfmpegLocator _locator;
    private readonly TimeProvider _time;
    private readonly ILogger<WaveformService> _logger;
    private readonly string _cacheDirectory;
    private readonly TimeSpan _timeout;

    // Decoding is CPU work: at most two at once, whatever many pages are open.
    private readonly SemaphoreSlim _slots = new(2);

    public WaveformService(
        IRecordingStorage storage, FfmpegLocator locator, IOptions<StorageOptions> storageOptions, IOptions<MediaOptions> mediaOptions,
        TimeProvider time, ILogger<WaveformService> logger)
    {
        _storage = storage;
        _locator = locator;
        _time = time;
        _logger = logger;
        _cacheDirectory = Path.Combine(Path.GetFullPath(storageOptions.Value.TempPath), "waveforms");
        _timeout = TimeSpan.FromSeconds(mediaOptions.Value.ProcessTimeoutSeconds);
    }

    public bool Available => _locator.Tools.Ffmpeg is not null;

    /// <summary>The peaks, or null when the stored object is gone.</summary>
    public async Task<Waveform?> GetAsync(Recording recording, CancellationToken cancellationToken)
    {
        if (recording.StorageKey is null || recording.Status != RecordingStatus.Stored)
        {
            return null;
        }

        var cacheFile = Path.Combine(_cacheDirectory, $"{recording.Id:N}-{recording.Sha256?[..Math.Min(16, recording.Sha256.Length)] ?? "x"}.json");
        if (File.Exists(cacheFile))
        {
            await using var cached = File.OpenRead(cacheFile);
            if (await JsonSerializer.DeserializeAsync<Waveform>(cached, Json, cancellationToken) is { } hit)
            {
                return hit;
            }
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var waveform = await ComputeAsync(recording, cancellationToken);
            if (waveform is not null)
            {
                Directory.CreateDirectory(_cacheDirectory);
                var partial = cacheFile + ".part";
                await File.WriteAllTextAsync(partial, JsonSerializer.Serialize(waveform, Json), cancellationToken);
                File.Move(partial, cacheFile, overwrite: true);
            }

            return waveform;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<Waveform?> ComputeAsync(Recording recording, CancellationToken cancellationToken)
    {
        var ffmpeg = _locator.Tools.Ffmpeg ?? throw new InvalidOperationException("ffmpeg is not available.");
        await using var source = await _storage.OpenReadAsync(recording.StorageKey!, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var channels = Math.Clamp(recording.Channels ?? 1, 1, 2);
        var duration = recording.DurationSeconds ?? recording.ProviderDurationSeconds ?? 60;
        var framesPerPeak = Math.Max(40, (int)Math.Ceiling(duration * SampleRate / TargetPeaks));
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", "-i", "pipe:0",
                     "-f", "s16le", "-acodec", "pcm_s16le", "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-ar", SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1"])
        {
            info.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var process = new Process { StartInfo = info };
        process.Start();
        try
        {
            var feed = FeedAsync(source, process.StandardInput.BaseStream, stop.Token);
            var errors = process.StandardError.ReadToEndAsync(stop.Token);
            var peaks = new PeakAccumulator(channels, framesPerPeak);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await process.StandardOutput.BaseStream.ReadAsync(buffer, stop.Token)) > 0)
            {
                peaks.Add(buffer.AsSpan(0, read));
            }

            await process.WaitForExitAsync(stop.Token);
            await feed;
            if (process.ExitCode != 0)
            {
                var reason = (await errors).Trim();
                throw new InvalidDataException($"ffmpeg could not decode the stored audio: {reason[..Math.Min(reason.Length, 300)]}");
            }

            LogComputed(_logger, recording.Id);
            return new Waveform(channels, (double)framesPerPeak / SampleRate, duration, peaks.Complete());
        }
        finally
        {
            if (!process.HasExited)
            {
                KillTree(process);
            }
        }
    }

    /// <summary>Copies the stored object into ffmpeg; ffmpeg closing its input early is not an error here.</summary>
    private static async Task FeedAsync(Stream source, Stream stdin, CancellationToken cancellationToken)
    {
        try
        {
            await source.CopyToAsync(stdin, cancellationToken);
        }
        catch (IOException)
        {
            // ffmpeg stopped reading (it failed or had enough); its exit code tells which.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync();
            }
            catch (IOException)
            {
                // Pipe already closed.
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    [LoggerMessage(EventId = 3601, Level = LogLevel.Debug, Message = "Waveform peaks computed for recording {RecordingId}")]
    private static partial void LogComputed(ILogger logger, Guid recordingId);
}
