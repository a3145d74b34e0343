using System.Net.Http.Json;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;
using CallVault.Web.Auth;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Dashboard.Tests.TestSupport;

/// <summary>
/// A server of its own whose transcripts come from the audio: a call of real speech (espeak-ng) is recorded by the
/// Twilio simulator, sent through the webhook and the whole pipeline, and transcribed by the whisper.cpp stand-in
/// (which hears where speech is on each channel). Ready once the call's transcript is saved.
/// </summary>
public sealed class SpokenCallFixture : IAsyncLifetime
{
    public static readonly (int Channel, string Text)[] Lines =
    [
        (1, "Hello, I would like to cancel my gym membership."),
        (2, "Of course. Your membership is cancelled and the deposit will be refunded."),
    ];

    private WhisperStandIn? _whisper;
    private string? _work;

    public Scenario Scenario { get; private set; } = null!;

    public string Number { get; } = DashboardFixture.UniqueNumber();

    public string CallId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var conversation = await SpokenConversation.CreateAsync(Lines, CancellationToken.None);
        _whisper = WhisperStandIn.Create(conversation.Turns.Select(t => (t.Start, t.Text)));
        _work = Directory.CreateTempSubdirectory("callvault-spoken-").FullName;
        var audio = Path.Combine(_work, "call.wav");
        await File.WriteAllBytesAsync(audio, conversation.Wav);

        Scenario = await Scenario.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Transcription:Engine"] = "whisper-cpp",
            ["CallVault:Transcription:WhisperCpp:Binary"] = _whisper.Binary,
            ["CallVault:Transcription:WhisperCpp:Model"] = _whisper.Model,
            ["CallVault:Transcription:WhisperCpp:Language"] = "en",
        });
        await Scenario.Host.CreateUserAsync(DashboardFixture.Admin, Roles.Admin);
        await Scenario.Host.CreateUserAsync(DashboardFixture.Viewer, Roles.Viewer);

        var seconds = PcmWav.Parse(conversation.Wav).DurationSeconds;
        var call = Scenario.Simulator.CreateCall(new CallSpec { From = Number, DurationSeconds = Math.Ceiling(seconds) + 1 });
        var recording = Scenario.Simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = seconds, Channels = 2, AudioFile = audio });
        using (var response = await Scenario.SendCompletedAsync(recording))
        {
            response.EnsureSuccessStatusCode();
        }

        var transcribed = await Eventually.WaitAsync(
            () => RecordingJson.FindByProviderIdAsync(Scenario.Host.Api, recording.Sid),
            r => r is { } e && e.GetProperty("stages").GetProperty("summarize").GetProperty("status").GetString() is "completed" or "failed",
            TimeSpan.FromSeconds(120),
            "the spoken call to be transcribed and summarized");
        var id = transcribed!.Value.GetProperty("id").GetString();
        var full = await Scenario.Host.Api.GetFromJsonAsync<JsonElement>($"/api/recordings/{id}");
        if (full.GetProperty("transcript").ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"the spoken call was not transcribed: {full}");
        }

        CallId = full.GetProperty("callId").GetString()!;
    }

    public async Task DisposeAsync()
    {
        if (Scenario is not null)
        {
            await Scenario.DisposeAsync();
        }

        _whisper?.Dispose();
        if (_work is not null)
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
