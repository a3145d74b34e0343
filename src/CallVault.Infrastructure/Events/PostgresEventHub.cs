using System.Text;
using System.Threading.Channels;
using CallVault.Infrastructure.Observability;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Events;

/// <summary>
/// The event hub of instances sharing one PostgreSQL database: an event is handed to this process's
/// subscribers at once and sent to the others with <c>NOTIFY</c> on <see cref="Channel"/> (ids and
/// type only, far below the 8000-byte payload limit); what the others send arrives through
/// <c>LISTEN</c> on a connection of its own, re-opened whenever it drops (<see cref="PostgresChannel"/>).
/// Sending happens in the background in batches, so the pipeline never waits on it; events that cannot be sent are counted
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
    private const char Separator = '|';

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

        var channel = new PostgresChannel(options.Value.ConnectionString, Channel, time) { ApplicationName = ListenerApplicationName };
        try
        {
            await Task.WhenAll(
                channel.ListenAsync(OnNotification, () => LogListening(logger), ex => LogListenFailed(logger, ex), stoppingToken),
                channel.SendAsync(_outbox.Reader, EncodeToSend, OnUnsent, stoppingToken));
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

    private void OnNotification(string payload)
    {
        if (Decode(payload) is { } decoded && decoded.Instance != _instance)
        {
            _local.Publish(decoded.Event);
        }
    }

    /// <summary>The payload of an event, or null (counted) when it is too large to send.</summary>
    private string? EncodeToSend(ServerEvent serverEvent)
    {
        var payload = Encode(_instance, serverEvent);
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            metrics.EventsUnsent(1, "too_large");
            return null;
        }

        return payload;
    }

    private void OnUnsent(int count, Exception exception)
    {
        metrics.EventsUnsent(count, "failed");
        LogSendFailed(logger, count, exception);
    }

    [LoggerMessage(EventId = 3911, Level = LogLevel.Debug, Message = "Listening for events of other instances")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(EventId = 3912, Level = LogLevel.Warning, Message = "Not listening for events of other instances; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3913, Level = LogLevel.Warning, Message = "Could not send {Count} events to other instances; their live pages miss them")]
    private static partial void LogSendFailed(ILogger logger, int count, Exception exception);
}
