using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Simulator;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A dual-channel call made of real speech: espeak-ng speaks each line, sox makes it 8 kHz 16-bit, and
/// the lines are laid out in turns, each on its speaker's channel (the other channel silent meanwhile).
/// </summary>
public sealed record SpokenConversation(byte[] Wav, IReadOnlyList<SpokenConversation.Turn> Turns)
{
    private const double Gap = 0.7;
    private const double Lead = 0.4;

    /// <summary>One line: who said it (1-based channel), when, and what.</summary>
    public sealed record Turn(int Channel, double Start, double End, string Text);

    public static async Task<SpokenConversation> CreateAsync(IReadOnlyList<(int Channel, string Text)> lines, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("callvault-conversation-");
        try
        {
            List<(int Channel, string Text, short[] Samples)> spoken = [];
            var rate = 0;
            foreach (var (channel, text) in lines)
            {
                var path = await SpeechAudio.TrySynthesizeAsync(text, 1, Path.Combine(work.FullName, $"{spoken.Count}.wav"), cancellationToken)
                    ?? throw new InvalidOperationException($"espeak-ng and sox are needed for spoken test audio; missing: {string.Join(", ", SpeechAudio.MissingTools())}");
                var wav = PcmWav.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
                rate = wav.SampleRate;
                spoken.Add((channel, text, wav.Samples[0]));
            }

            var total = (int)((Lead + spoken.Sum(s => ((double)s.Samples.Length / rate) + Gap)) * rate);
            short[][] channels = [new short[total], new short[total]];
            List<Turn> turns = [];
            var at = (int)(Lead * rate);
            foreach (var (channel, text, samples) in spoken)
            {
                samples.CopyTo(channels[channel - 1], at);
                turns.Add(new Turn(channel, (double)at / rate, (double)(at + samples.Length) / rate, text));
                at += samples.Length + (int)(Gap * rate);
            }

            return new SpokenConversation(PcmWav.Create(rate, channels), turns);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
