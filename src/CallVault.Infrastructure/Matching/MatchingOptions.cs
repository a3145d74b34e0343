using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Matching;

public sealed class MatchingOptions
{
    public const string Section = "CallVault:Matching";

    /// <summary>How far apart a recording's call and a known call may start to be matched by numbers and time.</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Matching:TimeWindowSeconds must be between 1 and 86400.")]
    public int TimeWindowSeconds { get; set; } = 120;

    /// <summary>Ask the provider's Calls API about legs CallVault has not seen.</summary>
    public bool UseProviderApi { get; set; } = true;

    /// <summary>
    /// Which channel of a dual-channel recording carries the agent, by recording source. The order
    /// differs by source (for most, channel 1 is the child leg — the agent a call was bridged to;
    /// trunking is the other way round), so it is configuration, not code.
    /// </summary>
    public Dictionary<string, int> AgentChannelBySource { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Trunking"] = 2,
    };

    [Range(1, 2, ErrorMessage = "CallVault:Matching:DefaultAgentChannel must be 1 or 2.")]
    public int DefaultAgentChannel { get; set; } = 1;

    public int AgentChannelFor(string? source) =>
        source is not null && AgentChannelBySource.TryGetValue(source, out var channel) && channel is 1 or 2 ? channel : DefaultAgentChannel;
}
