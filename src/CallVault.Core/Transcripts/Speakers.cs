namespace CallVault.Core.Transcripts;

/// <summary>Who speaks on a channel of a dual-channel recording, from the recording's agent channel.</summary>
public static class Speakers
{
    public const string Agent = "agent";
    public const string Customer = "customer";

    /// <summary>The speaker on <paramref name="channel"/> (1-based), or null when the agent's channel is unknown.</summary>
    public static string? For(int channel, int? agentChannel) => agentChannel switch
    {
        null => null,
        var agent when agent == channel => Agent,
        _ => Customer,
    };
}
