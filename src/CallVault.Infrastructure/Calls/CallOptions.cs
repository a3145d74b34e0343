using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Calls;

public sealed class CallOptions
{
    public const string Section = "CallVault:Calls";

    /// <summary>How long after an answered call ends its recording may still arrive before the call counts as missing one.</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Calls:RecordingGraceSeconds must be between 1 and 86400.")]
    public int RecordingGraceSeconds { get; set; } = 600;

    [Range(1, 3600, ErrorMessage = "CallVault:Calls:SweepIntervalSeconds must be between 1 and 3600.")]
    public int SweepIntervalSeconds { get; set; } = 60;
}
