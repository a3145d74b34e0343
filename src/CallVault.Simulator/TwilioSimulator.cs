using System.Net;
using CallVault.Simulator.Api;
using CallVault.Simulator.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallVault.Simulator;

/// <summary>
/// A fake of Twilio's REST API (recordings, media, calls) on a real Kestrel port, speaking Twilio's wire format,
/// with injectable faults. Pair it with <see cref="TwilioCallbackSender"/> to deliver signed webhooks.
/// </summary>
public sealed class TwilioSimulator : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private TwilioSimulator(WebApplication app, SimulatorState state, Uri baseUrl)
    {
        _app = app;
        _state = state;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:54321</c> (CallVault's <c>Twilio:ApiBaseUrl</c>).</summary>
    public Uri BaseUrl { get; }

    public string AccountSid => _state.AccountSid;

    public string AuthToken => _state.AuthToken;

    public SimulatorFaults Faults => _state.Faults;

    public SimulatorStats Stats => _state.Stats;

    /// <summary>Every recording ever added, in the order added, deleted ones included (see <see cref="IsDeleted"/>).</summary>
    public IReadOnlyCollection<SimulatedRecording> Recordings => _state.Recordings;

    /// <summary>Starts Kestrel on 127.0.0.1 (port from <see cref="SimulatorOptions.Port"/>, 0 = a free one).</summary>
    public static async Task<TwilioSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var state = new SimulatorState(options);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TwilioSimulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            // Slow bodies are a fault to simulate, not a client to drop.
            kestrel.Limits.MinResponseDataRate = null;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, NullHostLifetime>();
        var app = builder.Build();
        SimulatorEndpoints.Map(app, state);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        state.BaseUrl = baseUrl;
        return new TwilioSimulator(app, state, baseUrl);
    }

    /// <summary>Creates a parent leg and, with <see cref="CallSpec.WithChildLeg"/>, a <c>&lt;Dial&gt;</c> child leg.</summary>
    public SimulatedCall CreateCall(CallSpec spec) => _state.CreateCall(spec);

    /// <summary>Adds a completed recording whose media is served at once (subject to <see cref="Faults"/>).</summary>
    public SimulatedRecording AddRecording(RecordingSpec spec) => _state.AddRecording(spec);

    /// <summary>A call leg created by <see cref="CreateCall"/>, or null.</summary>
    public SimulatedLeg? FindLeg(string callSid) => _state.FindLeg(callSid);

    /// <summary>A recording by SID (deleted ones included), or null.</summary>
    public SimulatedRecording? FindRecording(string recordingSid) => _state.FindAnyRecording(recordingSid);

    public bool IsDeleted(string recordingSid) => _state.IsDeleted(recordingSid);

    /// <summary>Stops Kestrel; responses still running after a short grace period (e.g. slow bodies) are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(ShutdownGrace))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
