using CallVault.Core.Audio;
using CallVault.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallVault.Demo;

/// <summary>
/// Places a simulated call every few seconds and sends its call-status and recording callbacks to
/// this server, mixing the cases real deployments meet: recordings that carry the child leg's SID,
/// calls bridged to an agent, and media that is not ready on the first request.
/// </summary>
internal sealed partial class DemoCallPlacer(
    TwilioSimulator simulator,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DemoCallPlacer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private static readonly string[] Sentences =
    [
        "Hello, thanks for calling. How can I help you today?",
        "I would like to check the status of my order, please.",
        "Your delivery is scheduled for Thursday morning between nine and eleven.",
        "Could you confirm the address on the account for me?",
        "Thank you for your patience. Is there anything else I can do for you?",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartAsync(stoppingToken);
        var baseUrl = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient();
        var sender = new TwilioCallbackSender(http, simulator.AuthToken);
        var audioFolder = Directory.CreateTempSubdirectory("callvault-demo-").FullName;
        var random = new Random();
        LogStarted(logger, baseUrl);
        try
        {
            for (var n = 0; !stoppingToken.IsCancellationRequested; n++)
            {
                try
                {
                    await PlaceCallAsync(sender, baseUrl, audioFolder, random, n, stoppingToken);
                }
                catch (HttpRequestException ex)
                {
                    LogCallFailed(logger, ex.Message);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            Directory.Delete(audioFolder, recursive: true);
        }
    }

    private async Task PlaceCallAsync(TwilioCallbackSender sender, Uri baseUrl, string audioFolder, Random random, int n, CancellationToken cancellationToken)
    {
        var bridged = n % 2 == 0;
        var call = simulator.CreateCall(new CallSpec
        {
            From = $"+1415555{random.Next(1000, 9999)}",
            To = "+14155550100",
            Direction = "inbound",
            WithChildLeg = bridged,
            DurationSeconds = 20,
        });

        var speech = await SpeechAudio.TrySynthesizeAsync(Sentences[n % Sentences.Length], 2, Path.Combine(audioFolder, $"call-{n}.wav"), cancellationToken);
        var duration = speech is null ? 8 + random.Next(10) : await DurationOfAsync(speech, cancellationToken);

        // <Dial record> recordings carry the parent's SID; a bridged call here reports the child's, as some do.
        var recordingLeg = bridged ? call.Child! : call.Parent;
        var recording = simulator.AddRecording(new RecordingSpec { CallSid = recordingLeg.Sid, Channels = 2, DurationSeconds = duration, AudioFile = speech });

        var statusUrl = new Uri(baseUrl, "/webhooks/twilio/call-status");
        var sequence = 0;
        foreach (var leg in bridged ? new[] { call.Parent, call.Child! } : [call.Parent])
        {
            using var ringing = await sender.SendCallStatusAsync(statusUrl, leg, "in-progress", sequence++, cancellationToken);
        }

        foreach (var leg in bridged ? new[] { call.Child!, call.Parent } : [call.Parent])
        {
            using var completed = await sender.SendCallStatusAsync(statusUrl, leg, "completed", sequence++, cancellationToken);
        }

        using var response = await sender.SendRecordingStatusAsync(new Uri(baseUrl, "/webhooks/twilio/recording"), recording, "completed", simulator.AccountSid, cancellationToken);
        LogPlaced(logger, call.Parent.Sid, recording.Sid, (int)response.StatusCode);
    }

    private static async Task<double> DurationOfAsync(string wavPath, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(wavPath);
        return await AudioInspector.InspectAsync(file, cancellationToken) is AudioInspection.Valid valid ? valid.Info.DurationSeconds : 0;
    }

    private Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Demo: placing a simulated call every 5 s against {BaseUrl}")]
    private static partial void LogStarted(ILogger logger, Uri baseUrl);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Demo: call {CallSid} recorded as {RecordingSid}; webhook answered {Status}")]
    private static partial void LogPlaced(ILogger logger, string callSid, string recordingSid, int status);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Demo: could not deliver a callback: {Reason}")]
    private static partial void LogCallFailed(ILogger logger, string reason);
}
