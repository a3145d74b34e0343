using CallVault.Web.Tests.TestSupport;
using CallVault.Web.Tests.Uploads;

namespace CallVault.Web.Tests.Transcripts;

/// <summary>The dual-channel conversation of <see cref="DualChannelTranscriptTests"/>, heard by a real whisper.cpp (opt-in).</summary>
public sealed class RealWhisperCppTests
{
    /// <summary>A word of each line a real model should hear, in turn order.</summary>
    private static readonly string[] KeyWords = ["support", "invoice", "refunded", "goodbye"];

    [RealWhisperCppFact]
    public async Task DualChannelUpload_RealWhisperCpp_ReadsAsOneConversationWithTheRightSpeakerOnEachTurn()
    {
        var conversation = await SpokenConversation.CreateAsync(DualChannelTranscriptTests.Lines, CancellationToken.None);
        await using var host = await UploadHost.StartAsync(new Dictionary<string, string?>
        {
            ["CallVault:Transcription:Engine"] = "whisper-cpp",
            ["CallVault:Transcription:WhisperCpp:Binary"] = RealWhisperCppFactAttribute.Binary,
            ["CallVault:Transcription:WhisperCpp:Model"] = RealWhisperCppFactAttribute.Model,
            ["CallVault:Transcription:WhisperCpp:Language"] = "en",
        });

        var id = await TranscriptApi.UploadAsync(host, "real-1", conversation.Wav);
        var recording = await Eventually.WaitAsync(
            () => TranscriptApi.WaitForTextStagesAsync(host, id), _ => true, TimeSpan.FromMinutes(10), "the real transcription");

        Assert.Equal("completed", recording.StageStatus("transcribe"));
        var segments = DualChannelTranscriptTests.Segments(recording);
        var starts = segments.Select(s => s.GetProperty("start").GetDouble()).ToList();
        Assert.Equal(starts.Order(), starts);
        for (var turn = 0; turn < KeyWords.Length; turn++)
        {
            var speaker = DualChannelTranscriptTests.Speaker(conversation.Turns[turn].Channel);
            var said = segments.Where(s => s.GetProperty("speaker").GetString() == speaker
                && s.GetProperty("text").GetString()!.Contains(KeyWords[turn], StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(said.Count > 0, $"no {speaker} segment with '{KeyWords[turn]}' in: {recording.GetProperty("transcript")}");
            Assert.InRange(said[0].GetProperty("start").GetDouble(), conversation.Turns[turn].Start - 1.0, conversation.Turns[turn].End);
        }
    }
}
