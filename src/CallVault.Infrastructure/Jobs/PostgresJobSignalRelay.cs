using System.Globalization;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

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

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _toSend = new(0, 1);
    private int _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsPostgres)
        {
            return;
        }

        signal.Announced += OnAnnounced;
        try
        {
            await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
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
        if (_toSend.CurrentCount == 0)
        {
            try
            {
                _toSend.Release();
            }
            catch (SemaphoreFullException)
            {
                // A send is already due; it takes this announcement along.
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own unpooled connection: LISTEN belongs to the session that said it.
                var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was announced while not listening: let the workers look once.
                signal.WakeLocal(1);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, ex);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
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

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
        while (!stoppingToken.IsCancellationRequested)
        {
            await _toSend.WaitAsync(stoppingToken);
            var jobs = Interlocked.Exchange(ref _pending, 0);
            if (jobs <= 0)
            {
                continue;
            }

            try
            {
                await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payload", string.Create(CultureInfo.InvariantCulture, $"{_instance}:{jobs}"));
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The other instances find the work on their next idle poll.
                LogSendFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Warning, Message = "Not listening for jobs announced by other instances; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "Could not announce new jobs to other instances; they find them on their next poll")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
