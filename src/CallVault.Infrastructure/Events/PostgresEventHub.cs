using System.Text;
using System.Threading.Channels;
using CallVault.Infrastructure.Observability;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Infrastructure.Events;

/// <summary>
/// The event hub of instances sharing one PostgreSQL database: an event is handed to this process's
/// subscribers at once and sent to the others with <c>NOTIFY</c> on <see cref="Channel"/> (ids and
/// type only, far below the 8000-byte payload limit); what the others send arrives through
/// <c>LISTEN</c> on a connection of its own, re-opened whenever it drops. Sending happens in the
/// background in batches, so the pipeline never waits on it; events that cannot be sent are counted
/// (<c>callvault.events.unsent</c>) and dropped — live pages refetch state, they lose no data.
/// </summary>
internal sealed partial class PostgresEventHub(
    IOptions<DatabaseOptions> options,
    CallVaultMetrics metrics,
    TimeProvider time,
    ILogger<PostgresEventHub> logger) : BackgroundService, IEventHub
{
    public const string Channel = "callvault_events";

    /// <summary>The listening session's <c>application_name</c>, so an operator (or a test) can find it.</summary>
    public const string ListenerApplicationName = "callvault-events";

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    internal const int MaxPayloadBytes = 7999;

    private const int OutboxCapacity = 4096;
    private const int BatchSize = 200;
    private const char Separator = '|';

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly InProcessEventHub _local = new();
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<ServerEvent> _outbox = System.Threading.Channels.Channel.CreateBounded<ServerEvent>(
        new BoundedChannelOptions(OutboxCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }); // TryWrite refuses when full; nothing waits

    private volatile bool _relaying;

    public void Publish(ServerEvent serverEvent)
    {
        _local.Publish(serverEvent);
        // Only while the relay runs (the server); a one-shot CLI command has no other instance to tell.
        if (_relaying && !_outbox.Writer.TryWrite(serverEvent))
        {
            metrics.EventsUnsent(1, "backlog");
        }
    }

    public IEventSubscription Subscribe() => _local.Subscribe();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Set here, not in ExecuteAsync (which may start later on another thread): events published
        // once the server has started are all sent.
        _relaying = options.Value.IsPostgres;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_relaying)
        {
            return;
        }

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
            _relaying = false;
        }
    }

    /// <summary><c>instance|type|recordingId|callId|status</c>; empty for an absent id or status.</summary>
    internal static string Encode(string instance, ServerEvent e) =>
        string.Join(Separator, instance, e.Type, e.RecordingId?.ToString("N") ?? "", e.CallId?.ToString("N") ?? "", e.Status ?? "");

    /// <summary>The event and its sender, or null for a payload this version does not understand.</summary>
    internal static (string Instance, ServerEvent Event)? Decode(string payload)
    {
        var parts = payload.Split(Separator);
        if (parts.Length != 5 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        Guid? recordingId = null;
        Guid? callId = null;
        if (parts[2].Length > 0)
        {
            if (!Guid.TryParseExact(parts[2], "N", out var id))
            {
                return null;
            }

            recordingId = id;
        }

        if (parts[3].Length > 0)
        {
            if (!Guid.TryParseExact(parts[3], "N", out var id))
            {
                return null;
            }

            callId = id;
        }

        return (parts[0], new ServerEvent(parts[1], recordingId, callId, parts[4].Length == 0 ? null : parts[4]));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own unpooled connection: LISTEN belongs to the session that said it.
                var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString)
                {
                    Pooling = false,
                    KeepAlive = 30,
                    ApplicationName = ListenerApplicationName,
                };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger);
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
        if (Decode(payload) is { } decoded && decoded.Instance != _instance)
        {
            _local.Publish(decoded.Event);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
        var reader = _outbox.Reader;
        var batch = new List<string>(BatchSize);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && reader.TryRead(out var serverEvent))
            {
                var payload = Encode(_instance, serverEvent);
                if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
                {
                    metrics.EventsUnsent(1, "too_large");
                    continue;
                }

                batch.Add(payload);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                // One round trip, one transaction for the batch (PostgreSQL folds identical payloads of one transaction into one).
                await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payloads", batch.ToArray());
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                metrics.EventsUnsent(batch.Count, "failed");
                LogSendFailed(logger, batch.Count, ex);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3911, Level = LogLevel.Debug, Message = "Listening for events of other instances")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(EventId = 3912, Level = LogLevel.Warning, Message = "Not listening for events of other instances; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3913, Level = LogLevel.Warning, Message = "Could not send {Count} events to other instances; their live pages miss them")]
    private static partial void LogSendFailed(ILogger logger, int count, Exception exception);
}
