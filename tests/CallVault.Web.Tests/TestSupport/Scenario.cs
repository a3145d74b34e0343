using CallVault.Simulator;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>A simulator, a CallVault server pointed at it, and a signed-callback sender.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private Scenario(TwilioSimulator simulator, CallVaultTestHost host)
    {
        Simulator = simulator;
        Host = host;
        Sender = new TwilioCallbackSender(new HttpClient(), simulator.AuthToken);
    }

    public TwilioSimulator Simulator { get; }

    public CallVaultTestHost Host { get; private set; }

    public TwilioCallbackSender Sender { get; }

    public Uri RecordingWebhook => Host.Webhook("/webhooks/twilio/recording");

    public Uri CallStatusWebhook => Host.Webhook("/webhooks/twilio/call-status");

    public static async Task<Scenario> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var host = await CallVaultTestHost.StartAsync(simulator, settings, time: time);
        return new Scenario(simulator, host);
    }

    /// <summary>A call with a recording on its parent leg, known to the simulator (nothing sent yet).</summary>
    public SimulatedRecording NewRecording(double seconds = 3, int channels = 2)
    {
        var call = Simulator.CreateCall(new CallSpec { DurationSeconds = seconds + 1 });
        return Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = seconds, Channels = channels });
    }

    public Task<HttpResponseMessage> SendCompletedAsync(SimulatedRecording recording) =>
        Sender.SendRecordingStatusAsync(RecordingWebhook, recording, "completed", Simulator.AccountSid, CancellationToken.None);

    /// <summary>Stops the server and starts it again on the same address and database (see <see cref="CallVaultTestHost.RestartAsync"/>).</summary>
    public async Task RestartHostAsync() => Host = await Host.RestartAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
