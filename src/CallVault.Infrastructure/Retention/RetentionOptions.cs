using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Retention;

public sealed class RetentionOptions
{
    public const string Section = "CallVault:Retention";

    /// <summary>Delete stored audio older than this many days (legal holds excepted); unset or 0: keep forever.</summary>
    [Range(0, 36_500, ErrorMessage = "CallVault:Retention:Days must be between 0 (off) and 36500.")]
    public int Days { get; set; }

    [Range(1, 10_080, ErrorMessage = "CallVault:Retention:IntervalMinutes must be between 1 and 10080.")]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Recordings deleted per database round trip.</summary>
    [Range(1, 10_000, ErrorMessage = "CallVault:Retention:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 200;
}
