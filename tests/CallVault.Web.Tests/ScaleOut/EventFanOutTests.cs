using System.Text.Json;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Jobs;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CallVault.Web.Tests.ScaleOut;

/// <summary>A live page open on one instance hears what another instance on the same PostgreSQL database did.</summary>
[Trait("Database", "postgres")]
public sealed class EventFanOutTests
{
    [Fact]
    public async Task RecordingStoredByInstanceB_ArrivesOnAnEventStreamOpenOnInstanceA()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-fanout-").FullName;
        var database = TestDatabase.ForPostgres(dataDirectory);
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var call = simulator.CreateCall(new CallSpec { DurationSeconds = 2 });
        var recording = simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // A serves pages only (no job workers), so whatever gets stored, B stored.
        await using var a = await CallVaultTestHost.StartAsync(simulator, dataDirectory: dataDirectory, configure: builder =>
        {
            foreach (var workers in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(JobWorkerService)).ToList())
            {
                builder.Services.Remove(workers);
            }
        });
        await using var b = await CallVaultTestHost.StartAsync(simulator, dataDirectory: dataDirectory);
        Assert.Empty(a.Services.GetServices<IHostedService>().OfType<JobWorkerService>());
        await WaitForListenersAsync(database.ConnectionString, 2, timeout.Token);

        using var sse = new HttpClient { BaseAddress = a.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        sse.DefaultRequestHeaders.Authorization = a.Api.DefaultRequestHeaders.Authorization;
        using var response = await sse.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var events = new StreamReader(body);
        Assert.Equal("retry: 2000", await events.ReadLineAsync(timeout.Token));

        var sender = new TwilioCallbackSender(b.Anonymous, simulator.AuthToken);
        using (var callback = await sender.SendRecordingStatusAsync(b.Webhook("/webhooks/twilio/recording"), recording, "completed", simulator.AccountSid, timeout.Token))
        {
            callback.EnsureSuccessStatusCode();
        }

        var storedId = await ReadStoredEventAsync(events, timeout.Token);
        var row = await b.QueryAsync(db => db.Recordings.AsNoTracking().SingleAsync(r => r.Id == storedId, timeout.Token));
        Assert.Equal(recording.Sid, row.ProviderRecordingId);
        Assert.Equal(RecordingStatus.Stored, row.Status);
    }

    /// <summary>The recording id of the first <c>recording.stored</c> event on the stream.</summary>
    private static async Task<Guid> ReadStoredEventAsync(StreamReader events, CancellationToken cancellationToken)
    {
        string? type = null;
        while (await events.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == ServerEventTypes.RecordingStored)
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                return data.RootElement.GetProperty("recordingId").GetGuid();
            }
        }

        throw new InvalidOperationException("The event stream ended before recording.stored arrived.");
    }

    /// <summary>Until both instances listen for each other's events.</summary>
    private static async Task WaitForListenersAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @app AND query LIKE 'LISTEN%'", probe);
        command.Parameters.AddWithValue("app", PostgresEventHub.ListenerApplicationName);
        while ((long)(await command.ExecuteScalarAsync(cancellationToken))! < count)
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
