using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "CallVault:Storage";

    [Required]
    [RegularExpression("^(disk)$", ErrorMessage = "CallVault:Storage:Provider must be 'disk' (S3 support is not in this version).")]
    public string Provider { get; set; } = "disk";

    [Required(ErrorMessage = "CallVault:Storage:Path is required.")]
    public string Path { get; set; } = "data/recordings";

    /// <summary>Local scratch space for downloads in flight.</summary>
    [Required(ErrorMessage = "CallVault:Storage:TempPath is required.")]
    public string TempPath { get; set; } = "data/tmp";
}
