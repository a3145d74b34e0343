using System.Security.Cryptography;
using System.Text.Json;
using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Web.Tests.TestSupport;
using CallVault.Web.Tests.Uploads;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>
/// A dual-channel call of real speech (espeak-ng) with the agent on channel 2 comes back as one
/// conversation: each channel heard on its own by the whisper.cpp stand-in, turns in time order with
/// the right speaker, summarized by quoting it, and found by what was said.
/// </summary>
public sealed class DualChannelTranscriptTests
{
    /// <summary>Channel 2 is the agent (the upload says so), channel 1 the customer.</summary>
    public static readonly (int Channel, string Text)[] Lines =
    [
        (2, "Thank you for calling Acme support. How can I help you today?"),
        (1, "My invoice shows a double charge for the premium plan."),
        (2, "I am sorry about that. I have refunded the duplicate charge."),
        (1, "Wonderful, thank you. Goodbye."),
    ];

    [Fact]
    public async Task DualChannelUpload_WhisperCppStandIn_ReadsAsOneConversationWithTheRightSpeakerOnEachTurn()
    {
        var conversation = await SpokenConversation.CreateAsync(Lines, CancellationToken.None);
        using var whisper = WhisperStandIn.Create(conversation.Turns.Select(t => (t.Start, t.Text)));
        await using var host = await UploadHost.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Transcription:Engine"] = "whisper-cpp",
            ["CallVault:Transcription:WhisperCpp:Binary"] = whisper.Binary,
            ["CallVault:Transcription:WhisperCpp:Model"] = whisper.Model,
            ["CallVault:Transcription:WhisperCpp:Language"] = "en",
        });

        var id = await TranscriptApi.UploadAsync(host, "conv-1", conversation.Wav);
        var recording = await TranscriptApi.WaitForTextStagesAsync(host, id);

        Assert.Equal("completed", recording.StageStatus("transcribe"));
        var transcript = recording.GetProperty("transcript");
        Assert.Equal("whisper-cpp", transcript.GetProperty("engine").GetString());
        var segments = transcript.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(conversation.Turns.Select(t => ((string?)Speaker(t.Channel), t.Channel, (string?)t.Text)),
            segments.Select(s => (s.GetProperty("speaker").GetString(), s.GetProperty("channel").GetInt32(), s.GetProperty("text").GetString())));
        Assert.All(segments.Zip(conversation.Turns), pair => Assert.InRange(pair.First.GetProperty("start").GetDouble(), pair.Second.Start - 0.3, pair.Second.Start + 0.3));
        Assert.Equal(string.Join('\n', Lines.Select(l => l.Text)), transcript.GetProperty("text").GetString());

        // Each channel went to the engine on its own, as 16 kHz mono 16-bit WAV, with whisper.cpp's arguments.
        var runs = whisper.Runs();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal((1, 16000, 2), (run.GetProperty("channels").GetInt32(), run.GetProperty("rate").GetInt32(), run.GetProperty("width").GetInt32()));
            var args = run.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.Equal(whisper.Model, args[args.IndexOf("-m") + 1]);
            Assert.Equal("en", args[args.IndexOf("-l") + 1]);
            Assert.Contains("-oj", args);
        });

        // The summary quotes the call and invents nothing; the stored audio is the upload, byte for byte.
        Assert.Equal("completed", recording.StageStatus("summarize"));
        var summary = recording.GetProperty("summary");
        Assert.Equal("extractive", summary.GetProperty("engine").GetString());
        var summaryText = summary.GetProperty("text").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(summaryText));
        Assert.All(SummarySentences(summaryText), s => Assert.Contains(s, transcript.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(conversation.Wav)), recording.GetProperty("sha256").GetString());

        // Found by a word said on the call, not by one never said.
        Assert.Equal(["CA-conv-1"], await TranscriptApi.SearchAsync(host, "q=refunded"));
        Assert.Equal(["CA-conv-1"], await TranscriptApi.SearchAsync(host, "q=premium%20invoice"));
        Assert.Empty(await TranscriptApi.SearchAsync(host, "q=elephant"));
        Assert.Empty(await TranscriptApi.SearchAsync(host, "q=refunded%20elephant"));
    }

    internal static string Speaker(int channel) => channel == 2 ? "agent" : "customer";

    private static IEnumerable<string> SummarySentences(string summary) =>
        System.Text.RegularExpressions.Regex.Split(summary, @"(?<=[.!?])\s+").Where(s => s.Length > 0);

    internal static JsonElement[] Segments(JsonElement recording) => [.. recording.GetProperty("transcript").GetProperty("segments").EnumerateArray()];
}
