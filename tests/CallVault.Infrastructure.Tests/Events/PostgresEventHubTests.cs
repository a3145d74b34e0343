using System.Diagnostics.Metrics;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Observability;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CallVault.Infrastructure.Tests.Events;

/// <summary>Events reach the live pages of every instance on one PostgreSQL database, and never hold up the one publishing them.</summary>
public sealed class PostgresEventHubTests
{
    [Fact]
    public void EncodeDecode_AnEvent_RoundTripsWithItsSenderAndStaysFarBelowTheNotifyLimit()
    {
        var stored = ServerEvent.RecordingStored(Guid.NewGuid(), Guid.NewGuid());
        var call = ServerEvent.CallUpdated(Guid.NewGuid());

        var payload = PostgresEventHub.Encode("instance-a", stored);

        Assert.Equal(("instance-a", stored), PostgresEventHub.Decode(payload));
        Assert.Equal(("b", call), PostgresEventHub.Decode(PostgresEventHub.Encode("b", call)));
        Assert.True(payload.Length < 200, payload);
        Assert.Null(PostgresEventHub.Decode("not|an|event"));
        Assert.Null(PostgresEventHub.Decode("a|recording.stored|not-a-guid||stored"));
    }

    [Fact]
    [Trait("Database", "postgres")]
    public async Task Publish_OnOneInstance_ReachesSubscribersOfTheOtherAlsoAfterItsListeningConnectionWasKilled()
    {
        Assert.True(TestDatabase.PostgresRun, "Runs in the PostgreSQL pass: CALLVAULT_TEST_DATABASE=postgres with CALLVAULT_TEST_POSTGRES (test.sh sets both).");
        await using var t = await TestServices.StartAsync();
        using var a = Hub(t);
        using var b = Hub(t);
        await a.StartAsync(t.Token);
        await b.StartAsync(t.Token);
        using var onA = a.Subscribe();
        using var onB = b.Subscribe();
        var listeners = await WaitForListenersAsync(t, except: []);

        var first = ServerEvent.RecordingStored(Guid.NewGuid(), Guid.NewGuid());
        b.Publish(first);
        Assert.Equal(first, await onA.Reader.ReadAsync(t.Token));
        Assert.Equal(first, await onB.Reader.ReadAsync(t.Token)); // its own subscribers, once: not echoed back

        await using (var admin = new NpgsqlConnection(t.ConnectionString))
        {
            await admin.OpenAsync(t.Token);
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM unnest(@pids) AS pid", admin);
            kill.Parameters.AddWithValue("pids", listeners.ToArray());
            await kill.ExecuteNonQueryAsync(t.Token);
        }

        await WaitForListenersAsync(t, except: listeners);
        var second = ServerEvent.RecordingUpdated(Guid.NewGuid(), null, "processing");
        b.Publish(second);
        Assert.Equal(second, await onA.Reader.ReadAsync(t.Token));
        Assert.Equal(second, await onB.Reader.ReadAsync(t.Token));
        Assert.False(onB.Reader.TryRead(out var echo), $"echoed: {echo}");
        await a.StopAsync(t.Token);
        await b.StopAsync(t.Token);
    }

    [Fact]
    public async Task Publish_DatabaseUnreachable_NeverBlocksNorThrowsDeliversLocallyAndCountsWhatWasNotSent()
    {
        await using var t = await TestServices.StartAsync();
        var unsent = 0L;
        using var listener = new MeterListener();
        var metrics = t.Get<CallVaultMetrics>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "callvault.events.unsent")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref unsent, value));
        listener.Start();
        // Nothing listens on this port: every send fails fast.
        var nowhere = Options.Create(new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2" });
        using var hub = new PostgresEventHub(nowhere, metrics, TimeProvider.System, NullLogger<PostgresEventHub>.Instance);
        await hub.StartAsync(t.Token);
        using var local = hub.Subscribe();

        for (var i = 0; i < 6000; i++)
        {
            hub.Publish(ServerEvent.CallUpdated(Guid.NewGuid()));
        }

        Assert.True(local.Reader.TryRead(out _));
        while (Interlocked.Read(ref unsent) == 0)
        {
            await Task.Delay(50, t.Token);
        }

        await hub.StopAsync(t.Token);
    }

    private static PostgresEventHub Hub(TestServices t) => new(
        t.Get<IOptions<DatabaseOptions>>(), t.Get<CallVaultMetrics>(), TimeProvider.System, NullLogger<PostgresEventHub>.Instance);

    /// <summary>The backend ids of both hubs' LISTEN sessions, once both (other than <paramref name="except"/>) have said LISTEN.</summary>
    private static async Task<List<int>> WaitForListenersAsync(TestServices t, IReadOnlyCollection<int> except)
    {
        await using var probe = new NpgsqlConnection(t.ConnectionString);
        await probe.OpenAsync(t.Token);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = @app AND query LIKE 'LISTEN%' AND state = 'idle'", probe);
            command.Parameters.AddWithValue("app", PostgresEventHub.ListenerApplicationName);
            var pids = new List<int>();
            await using (var reader = await command.ExecuteReaderAsync(t.Token))
            {
                while (await reader.ReadAsync(t.Token))
                {
                    pids.Add(reader.GetInt32(0));
                }
            }

            if (pids.Count(p => !except.Contains(p)) == 2)
            {
                return pids;
            }

            await Task.Delay(50, t.Token);
        }
    }
}
