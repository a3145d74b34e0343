using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Media;

/// <summary>
/// Runs ffmpeg and ffprobe: arguments through <see cref="ProcessStartInfo.ArgumentList"/> (no shell, no
/// quoting), stdin closed, at most <c>CallVault:Media:MaxConcurrentProcesses</c> at once, a timeout, the
/// whole process tree killed on timeout or cancellation, and output captured up to a bound.
/// </summary>
internal sealed partial class ProcessRunner : IDisposable
{
    public const int MaxStandardErrorChars = 16 * 1024;

    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger<ProcessRunner> _logger;

    public ProcessRunner(IOptions<MediaOptions> options, TimeProvider time, ILogger<ProcessRunner> logger)
    {
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentProcesses);
        _timeout = TimeSpan.FromSeconds(options.Value.ProcessTimeoutSeconds);
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="fileName"/> to its end; throws <see cref="OperationCanceledException"/> after killing it when cancelled.</summary>
    public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, int maxOutputChars, CancellationToken cancellationToken) =>
        RunAsync(fileName, arguments, maxOutputChars, _timeout, cancellationToken);

    /// <summary>As above, with a timeout of its own (speech engines run far longer than ffmpeg).</summary>
    public async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, int maxOutputChars, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await RunInSlotAsync(fileName, arguments, maxOutputChars, timeout, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<ProcessResult> RunInSlotAsync(string fileName, IReadOnlyList<string> arguments, int maxOutputChars, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = info };
        var started = _time.GetTimestamp();
        process.Start();
        process.StandardInput.Close();
        var stdout = BoundedText.ReadToEndAsync(process.StandardOutput, maxOutputChars);
        var stderr = BoundedText.ReadToEndAsync(process.StandardError, MaxStandardErrorChars);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
            var output = await stdout.WaitAsync(stop.Token);
            var error = await stderr.WaitAsync(stop.Token);
            return new ProcessResult(process.ExitCode, output, error, false, _time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            KillTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            LogTimedOut(_logger, Path.GetFileName(fileName), timeout.TotalSeconds);
            return new ProcessResult(-1, string.Empty, await PartialAsync(stderr), true, _time.GetElapsedTime(started));
        }
    }

    private async Task<string> PartialAsync(Task<string> reading)
    {
        try
        {
            return await reading.WaitAsync(DrainAfterKill, _time);
        }
        catch (TimeoutException)
        {
            return string.Empty;
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

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "{Tool} ran longer than {TimeoutSeconds} s and was killed with its children")]
    private static partial void LogTimedOut(ILogger logger, string tool, double timeoutSeconds);
}
