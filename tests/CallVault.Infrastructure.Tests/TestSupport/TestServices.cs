using CallVault.Core.Calls;
using CallVault.Infrastructure.Alerts;
using CallVault.Infrastructure.Calls;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Matching;
using CallVault.Infrastructure.Media;
using CallVault.Infrastructure.Observability;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Pipeline;
using CallVault.Infrastructure.Search;
using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Summaries;
using CallVault.Infrastructure.Transcription;
using CallVault.Infrastructure.Twilio;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// The infrastructure's own registrations over a fresh temp folder: a SQLite file, a storage root and
/// a scratch folder, a fake clock, optionally wired to a running Twilio simulator. One per test.
/// </summary>
internal sealed class TestServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private IngestionWriter? _writer;

    private TestServices(string root, TestDatabase database, ManualTimeProvider clock, ServiceProvider services)
    {
        Root = root;
        Database = database;
        Clock = clock;
        Services = services;
    }

    /// <summary>The per-test temp folder holding everything below.</summary>
    public string Root { get; }

    public string StoragePath => Path.Combine(Root, "recordings");

    public string TempPath => Path.Combine(Root, "tmp");

    public ManualTimeProvider Clock { get; }

    /// <summary>SQLite, or PostgreSQL when the run asks for it (see <see cref="TestDatabase"/>).</summary>
    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    /// <summary>Cancels after 60 s so a hung test fails instead of blocking the run.</summary>
    public CancellationToken Token => _timeout.Token;

    public static async Task<TestServices> StartAsync(
        IDictionary<string, string?>? settings = null, TwilioSimulator? simulator = null, bool migrate = true)
    {
        var root = Directory.CreateTempSubdirectory("callvault-infra-").FullName;
        var database = TestDatabase.For(root, migrated: migrate);
        var config = new Dictionary<string, string?>(database.Settings)
        {
            ["CallVault:Storage:Path"] = Path.Combine(root, "recordings"),
            ["CallVault:Storage:TempPath"] = Path.Combine(root, "tmp"),
            // Tests compare stored bytes with the simulator's WAV; transcoding tests turn it on.
            ["CallVault:Media:Transcode"] = "none",
            // The simulator and media servers listen on 127.0.0.1.
            ["CallVault:Outbound:AllowPrivateAddresses"] = "true",
        };
        if (simulator is not null)
        {
            config["CallVault:Twilio:AccountSid"] = simulator.AccountSid;
            config["CallVault:Twilio:AuthToken"] = simulator.AuthToken;
            config["CallVault:Twilio:ApiBaseUrl"] = simulator.BaseUrl.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var clock = new ManualTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        // Registered first: the features use TryAdd, so these win.
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new Random(20260302));
        services.AddPersistence();
        services.AddRecordingStorage();
        services.AddJobQueue();
        services.AddTwilio();
        services.AddMatching();
        services.AddMedia();
        services.AddObservability();
        services.AddCallOptions();
        services.AddAlerts();
        services.AddRecordingPipeline();
        services.AddTranscription();
        services.AddSummaries();
        services.AddCallSearch();
        services.AddIngestion();
        ServiceProvider provider;
        try
        {
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        }
        catch
        {
            TestDatabase.Drop(root);
            Directory.Delete(root, recursive: true);
            throw;
        }

        var harness = new TestServices(root, database, clock, provider);
        if (migrate)
        {
            try
            {
                await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(harness.Token);
            }
            catch
            {
                await harness.DisposeAsync();
                throw;
            }
        }

        return harness;
    }

    /// <summary>The real group-commit writer, started (and stopped when this is disposed).</summary>
    public async Task<IngestionWriter> StartWriterAsync()
    {
        if (_writer is null)
        {
            _writer = Get<IngestionWriter>();
            await _writer.StartAsync(Token);
        }

        return _writer;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public JobQueue Queue => Get<JobQueue>();

    public IRecordingStorage Storage => Get<IRecordingStorage>();

    public IJobHandler RecordingHandler => Services.GetServices<IJobHandler>().Single(h => h.Kind == JobKinds.ProcessRecording);

    public JobOptions JobOptions => Get<IOptions<JobOptions>>().Value;

    /// <summary>The connection string CallVault itself opens (on SQLite: busy timeout, foreign keys, pooling).</summary>
    public string ConnectionString => Database.IsPostgres
        ? Database.ConnectionString
        : SqliteConnectionFactory.Prepare(Get<IOptions<DatabaseOptions>>().Value);

    /// <summary>A new unit of work the way CallVault's own code makes one; the caller disposes it.</summary>
    public Task<CallVaultDbContext> NewContextAsync() => Get<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(Token);

    /// <summary>A bare Twilio call started now, for tests that need rows to write.</summary>
    public Call NewCall(string providerCallId) => new()
    {
        Id = Guid.NewGuid(), Provider = "twilio", ProviderCallId = providerCallId, StartedAt = Clock.UtcNow, CreatedAt = Clock.UtcNow, UpdatedAt = Clock.UtcNow,
    };

    public async Task<T> QueryAsync<T>(Func<CallVaultDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(Token);
        return await query(db);
    }

    /// <summary>Runs <paramref name="change"/> on a fresh context and saves it.</summary>
    public async Task ChangeAsync(Func<CallVaultDbContext, Task> change)
    {
        await using var db = await Get<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(Token);
        await change(db);
        await db.SaveChangesAsync(Token);
    }

    /// <summary>Applies one inbound event the way the writer does (in a transaction, then saved), without the writer.</summary>
    public async Task<IngestResult> ApplyAsync(IIngestCommand command)
    {
        await using var db = await Get<IDbContextFactory<CallVaultDbContext>>().CreateDbContextAsync(Token);
        await using var transaction = await db.Database.BeginTransactionAsync(Token);
        var result = await command.ApplyAsync(db, Clock.UtcNow, Token);
        await db.SaveChangesAsync(Token);
        await transaction.CommitAsync(Token);
        return result;
    }

    /// <summary>Inserts a queued job of <paramref name="kind"/>; returns its id.</summary>
    public async Task<long> EnqueueAsync(string kind = "test.noop", Guid? recordingId = null, DateTime? runAfter = null)
    {
        var job = JobQueue.NewJob(kind, recordingId, Clock.UtcNow);
        job.RunAfter = runAfter ?? job.RunAfter;
        await ChangeAsync(db =>
        {
            db.Jobs.Add(job);
            return Task.CompletedTask;
        });
        return job.Id;
    }

    /// <summary>Every file under the storage root, relative to it.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(StoragePath)
            ? [.. Directory.EnumerateFiles(StoragePath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StoragePath, f))]
            : [];

    public async ValueTask DisposeAsync()
    {
        var connectionString = ConnectionString;
        if (_writer is not null)
        {
            await _writer.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        if (Database.IsPostgres)
        {
            TestDatabase.Drop(Root);
        }
        else
        {
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        _timeout.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
