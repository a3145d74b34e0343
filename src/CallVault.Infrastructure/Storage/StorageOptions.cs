using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "CallVault:Storage";

    [Required]
    [RegularExpression("^(disk|s3)$", ErrorMessage = "CallVault:Storage:Provider must be 'disk' or 's3'.")]
    public string Provider { get; set; } = "disk";

    [Required(ErrorMessage = "CallVault:Storage:Path is required.")]
    public string Path { get; set; } = "data/recordings";

    /// <summary>Local scratch space for downloads in flight.</summary>
    [Required(ErrorMessage = "CallVault:Storage:TempPath is required.")]
    public string TempPath { get; set; } = "data/tmp";

    /// <summary>Used when <see cref="Provider"/> is <c>s3</c>; checked by <see cref="StorageOptionsValidator"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}
