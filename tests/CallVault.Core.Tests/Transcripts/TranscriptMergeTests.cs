using CallVault.Core.Transcripts;

namespace CallVault.Core.Tests.Transcripts;

public sealed class TranscriptMergeTests
{
    [Fact]
    public void Channels_AgentOnChannel2_InterleavesTurnsByTimeAndLabelsEachSpeaker()
    {
        var byChannel = new Dictionary<int, IReadOnlyList<TranscriptSegment>>
        {
            [1] = [Segment(2.0, 3.0, "I was charged twice."), Segment(6.5, 7.0, "Thanks, bye.")],
            [2] = [Segment(0.2, 1.5, "Acme support, hello."), Segment(3.5, 6.0, "I refunded the second charge.")],
        };

        var merged = TranscriptMerge.Channels(byChannel, agentChannel: 2);

        Assert.Equal(
            [(0.2, 2, "agent", "Acme support, hello."), (2.0, 1, "customer", "I was charged twice."),
             (3.5, 2, "agent", "I refunded the second charge."), (6.5, 1, "customer", "Thanks, bye.")],
            merged.Select(s => (s.Start, s.Channel!.Value, s.Speaker!, s.Text)));
    }

    [Fact]
    public void Channels_AgentChannelUnknown_KeepsChannelsWithoutGuessingSpeakers()
    {
        var byChannel = new Dictionary<int, IReadOnlyList<TranscriptSegment>> { [1] = [Segment(0, 1, "one")], [2] = [Segment(0.5, 1, "two")] };

        var merged = TranscriptMerge.Channels(byChannel, agentChannel: null);

        Assert.Equal([(1, (string?)null), (2, (string?)null)], merged.Select(s => (s.Channel!.Value, s.Speaker)));
    }

    [Fact]
    public void Mono_BlankAndPaddedSegments_AreTrimmedDroppedAndUnlabelled()
    {
        var merged = TranscriptMerge.Mono([Segment(1, 2, "  second  "), Segment(0, 1, "first"), Segment(2, 3, "   ")]);

        Assert.Equal([(null, null, "first"), (null, null, "second")], merged.Select(s => (s.Channel, s.Speaker, s.Text)));
        Assert.Equal("first\nsecond", TranscriptMerge.PlainText(merged));
    }

    private static TranscriptSegment Segment(double start, double end, string text) => new(start, end, null, null, text);
}
