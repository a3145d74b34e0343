using System.Globalization;
using System.Threading.Channels;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Jobs;

/// <summary>
/// On PostgreSQL, carries <see cref="JobSignal"/> between instances with <c>LISTEN/NOTIFY</c>: what one
/// instance announces is sent as <c>instance:count</c> on one channel, and every other instance wakes
/// that many of its idle workers. Announcements made while a send is under way are added up into the
/// next one. Only a wake-up: a lost notification costs at most one idle poll, never a job.
/// </summary>
internal sealed partial class PostgresJobSignalRelay(
    IOptions<DatabaseOptions> options,
    JobSignal signal,
    TimeProvider time,
    ILogger<PostgresJobSignalRelay> logger) : BackgroundService
{
    public const string Channel = "callvault_jobs";

    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>"Something to send": one at most, whatever the number of announcements behind it.</summary>
    private readonly Channel<bool> _toSend = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private int _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsPostgres)
        {
            return;
        }

        var channel = new PostgresChannel(options.Value.ConnectionString, Channel, time);
        signal.Announced += OnAnnounced;
        try
        {
            await Task.WhenAll(
                // Whatever was announced while not listening: let the workers look once.
                channel.ListenAsync(OnNotification, () => signal.WakeLocal(1), ex => LogListenFailed(logger, ex), stoppingToken),
                channel.SendAsync(_toSend.Reader, _ => TakePending(), (_, ex) => LogSendFailed(logger, ex), stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            signal.Announced -= OnAnnounced;
        }
    }

    private void OnAnnounced(int jobs)
    {
        Interlocked.Add(ref _pending, jobs);
        _toSend.Writer.TryWrite(true);
    }

    /// <summary>The payload for every announcement not sent yet; null when an earlier send took them all.</summary>
    private string? TakePending()
    {
        var jobs = Interlocked.Exchange(ref _pending, 0);
        return jobs > 0 ? string.Create(CultureInfo.InvariantCulture, $"{_instance}:{jobs}") : null;
    }

    private void OnNotification(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || payload.AsSpan(0, colon).SequenceEqual(_instance))
        {
            return;
        }

        if (int.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0)
        {
            signal.WakeLocal(jobs);
        }
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "Not listening for jobs announced by other instances; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "Could not announce new jobs to other instances; they find them on their next poll")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
