using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Uploads;

/// <summary><c>POST /api/recordings</c>: how large an upload may be and where it waits until the pipeline stores it.</summary>
public sealed class UploadOptions
{
    public const string Section = "CallVault:Upload";

    /// <summary>Largest audio file accepted (the file part alone; the form fields get a small allowance on top).</summary>
    [Range(1024, 1L << 40, ErrorMessage = "CallVault:Upload:MaxBytes must be between 1024 and 1099511627776.")]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Folder of uploaded files waiting for the pipeline; a file stays until its recording is stored.</summary>
    [Required(ErrorMessage = "CallVault:Upload:StagingPath is required.")]
    [MinLength(1, ErrorMessage = "CallVault:Upload:StagingPath is required.")]
    public string StagingPath { get; set; } = "data/uploads";

    /// <summary>How often staged files of stored recordings (and orphans) are removed.</summary>
    [Range(1, 86_400, ErrorMessage = "CallVault:Upload:CleanupIntervalSeconds must be between 1 and 86400.")]
    public int CleanupIntervalSeconds { get; set; } = 300;

    /// <summary>A staged file with no recording row, untouched this long, was left by a failed or killed upload.</summary>
    [Range(60, 30 * 86_400, ErrorMessage = "CallVault:Upload:OrphanGraceSeconds must be between 60 and 2592000.")]
    public int OrphanGraceSeconds { get; set; } = 86_400;
}
