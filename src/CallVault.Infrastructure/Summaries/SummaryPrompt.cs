using System.Text;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Summaries;

/// <summary>The one place the summary prompt lives: the instruction, and the transcript as the model sees it.</summary>
internal static class SummaryPrompt
{
    public const string System =
        "You summarize phone calls for the people who review them. Write two to four plain sentences: who called about what, " +
        "what was agreed or answered, and any follow-up that was promised. Use only what the transcript says; never invent " +
        "names, numbers or outcomes. If the transcript is too short or unclear to summarize, say so in one sentence.";

    /// <summary>The transcript, one turn per line with its speaker when known, cut at <paramref name="maxChars"/>.</summary>
    public static string User(Recording recording, int maxChars)
    {
        var text = new StringBuilder("Transcript of the call:\n");
        if (recording.TranscriptSegments is { Count: > 0 } segments)
        {
            foreach (var segment in segments)
            {
                text.Append(segment.Speaker is null ? string.Empty : $"{segment.Speaker}: ").Append(segment.Text).Append('\n');
            }
        }
        else
        {
            text.Append(recording.TranscriptText);
        }

        return text.Length <= maxChars ? text.ToString() : string.Concat(text.ToString().AsSpan(0, maxChars), "\n[the rest of the transcript was cut]");
    }
}
