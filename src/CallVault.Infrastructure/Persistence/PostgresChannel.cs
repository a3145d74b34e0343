using System.Threading.Channels;
using Npgsql;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// One <c>LISTEN/NOTIFY</c> channel between the instances on a PostgreSQL database: a listening loop on a
/// connection of its own, re-opened a second after it drops, and a sending loop that notifies in batches
/// (one round trip and one transaction a batch; PostgreSQL folds identical payloads of one transaction into
/// one). Only wake-ups and hints travel this way: what cannot be sent is reported and dropped.
/// </summary>
internal sealed class PostgresChannel(string connectionString, string name, TimeProvider time)
{
    private const int BatchSize = 200;

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>The listening session's <c>application_name</c>, so an operator (or a test) can find it.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>
    /// Listens until <paramref name="stoppingToken"/>: each notification's payload goes to
    /// <paramref name="onNotification"/>; <paramref name="onListening"/> runs whenever <c>LISTEN</c> took
    /// effect (also after a reconnect: what was sent meanwhile was missed), <paramref name="onFailed"/> when
    /// the connection failed or dropped.
    /// </summary>
    public async Task ListenAsync(Action<string> onNotification, Action onListening, Action<Exception> onFailed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own unpooled connection: LISTEN belongs to the session that said it.
                var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                if (ApplicationName is not null)
                {
                    builder.ApplicationName = ApplicationName;
                }

                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => onNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {name}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                onListening();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                onFailed(ex);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Sends what <paramref name="outbox"/> holds until <paramref name="stoppingToken"/>, up to 200 payloads a
    /// round trip; <paramref name="encode"/> turns an item into its payload, or null to send nothing for it.
    /// A batch that cannot be sent goes to <paramref name="onUnsent"/> (with how many payloads it held) and is
    /// dropped; the next is tried a second later.
    /// </summary>
    public async Task SendAsync<T>(ChannelReader<T> outbox, Func<T, string?> encode, Action<int, Exception> onUnsent, CancellationToken stoppingToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var batch = new List<string>(BatchSize);
        while (await outbox.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && outbox.TryRead(out var item))
            {
                if (encode(item) is { } payload)
                {
                    batch.Add(payload);
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p");
                command.Parameters.AddWithValue("channel", name);
                command.Parameters.AddWithValue("payloads", batch.ToArray());
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                onUnsent(batch.Count, ex);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }
}
