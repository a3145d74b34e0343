using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Jobs;

public sealed class JobOptions
{
    public const string Section = "CallVault:Jobs";

    /// <summary>Worker loops per instance.</summary>
    [Range(1, 64, ErrorMessage = "CallVault:Jobs:Workers must be between 1 and 64.")]
    public int Workers { get; set; } = 4;

    /// <summary>How long a claimed job stays owned without a heartbeat before another worker may take it.</summary>
    [Range(2, 3600, ErrorMessage = "CallVault:Jobs:LeaseSeconds must be between 2 and 3600.")]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts of one stage before it is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "CallVault:Jobs:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    [Range(1, 3_600_000, ErrorMessage = "CallVault:Jobs:BaseDelayMilliseconds must be between 1 and 3600000.")]
    public int BaseDelayMilliseconds { get; set; } = 2000;

    [Range(1, 86_400, ErrorMessage = "CallVault:Jobs:MaxDelaySeconds must be between 1 and 86400.")]
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>Safety net for work no signal announced (another instance, an expired lease).</summary>
    [Range(1, 3600, ErrorMessage = "CallVault:Jobs:IdlePollSeconds must be between 1 and 3600.")]
    public int IdlePollSeconds { get; set; } = 5;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
