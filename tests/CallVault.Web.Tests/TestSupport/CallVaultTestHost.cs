using System.Net.Http.Headers;
using CallVault.Infrastructure.Persistence;
using CallVault.Simulator;
using CallVault.Tests.TestSupport;
using CallVault.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A real CallVault server on a loopback port with its own database and storage folder, wired to
/// a running Twilio simulator. One per test.
/// </summary>
public sealed class CallVaultTestHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0123456789abcdef0123456789";

    private readonly WebApplication _app;
    private readonly Func<Task<CallVaultTestHost>> _restart;
    private bool _stopped;

    private CallVaultTestHost(WebApplication app, string dataDirectory, Uri baseUrl, Func<Uri, Task<CallVaultTestHost>> startAgain)
    {
        _app = app;
        _restart = () => startAgain(baseUrl);
        DataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        Api = new HttpClient { BaseAddress = baseUrl };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        Anonymous = new HttpClient { BaseAddress = baseUrl };
    }

    public string DataDirectory { get; }

    public Uri BaseUrl { get; }

    /// <summary>Authenticated as the bootstrap admin.</summary>
    public HttpClient Api { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => _app.Services;

    public string StoragePath => Path.Combine(DataDirectory, "recordings");

    public Uri Webhook(string path) => new(BaseUrl, path);

    public static async Task<CallVaultTestHost> StartAsync(
        TwilioSimulator? simulator, IDictionary<string, string?>? settings = null, string? dataDirectory = null, TimeProvider? time = null,
        Action<WebApplication>? mapExtra = null, Action<WebApplicationBuilder>? configure = null, Uri? url = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("callvault-test-").FullName;
        var config = DefaultSettings(dataDirectory, simulator);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = CallVaultWebApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.WebHost.UseUrls(url?.GetLeftPart(UriPartial.Authority) ?? "http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(time));
            }

            configure?.Invoke(builder);
        });
        mapExtra?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CallVaultTestHost(app, dataDirectory, new Uri(address), again => StartAsync(simulator, settings, dataDirectory, time, mapExtra, configure, again));
    }

    /// <summary>
    /// Stops this server as a deployment would (its database and storage stay) and starts a new one with the
    /// same settings on the same address and data folder. This instance is done; use the one returned.
    /// </summary>
    public async Task<CallVaultTestHost> RestartAsync()
    {
        _stopped = true;
        Api.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return await _restart();
    }

    /// <summary>The settings of a test server on <paramref name="dataDirectory"/>, its database included (see <see cref="TestDatabase"/>).</summary>
    public static Dictionary<string, string?> DefaultSettings(string dataDirectory, TwilioSimulator? simulator) => new(TestDatabase.For(dataDirectory).Settings)
    {
        ["CallVault:Storage:Path"] = Path.Combine(dataDirectory, "recordings"),
        ["CallVault:Storage:TempPath"] = Path.Combine(dataDirectory, "tmp"),
        ["CallVault:Auth:AdminApiKey"] = AdminKey,
        ["CallVault:Twilio:AccountSid"] = simulator?.AccountSid,
        ["CallVault:Twilio:AuthToken"] = simulator?.AuthToken,
        ["CallVault:Twilio:ApiBaseUrl"] = simulator?.BaseUrl.ToString() ?? "https://api.twilio.com",
        // The simulator and media servers listen on 127.0.0.1.
        ["CallVault:Outbound:AllowPrivateAddresses"] = "true",
        ["CallVault:Jobs:BaseDelayMilliseconds"] = "50",
        ["CallVault:Jobs:MaxDelaySeconds"] = "1",
        ["CallVault:Jobs:IdlePollSeconds"] = "1",
        // Stored bytes stay the simulator's WAV; the transcoding tests turn opus on.
        ["CallVault:Media:Transcode"] = "none",
    };

    /// <summary>Changes a setting while the server runs (options monitors see it at once).</summary>
    public void SetSetting(string key, string? value)
    {
        var configuration = (IConfigurationRoot)_app.Configuration;
        configuration[key] = value;
        configuration.Reload();
    }

    public async Task<T> QueryAsync<T>(Func<CallVaultDbContext, Task<T>> query)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<CallVaultDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Every file under the storage root (relative paths), to check for strays and duplicates.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(StoragePath)
            ? [.. Directory.EnumerateFiles(StoragePath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(StoragePath, f)).Where(f => !f.StartsWith('.'))]
            : [];

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return; // restarted: the new instance owns the data now
        }

        Api.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabase.Drop(DataDirectory);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
