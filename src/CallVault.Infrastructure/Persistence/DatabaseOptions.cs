using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "CallVault:Database";

    [Required]
    [RegularExpression("^(sqlite)$", ErrorMessage = "CallVault:Database:Provider must be 'sqlite' (PostgreSQL support is not in this version).")]
    public string Provider { get; set; } = "sqlite";

    [Required(ErrorMessage = "CallVault:Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=data/callvault.db";

    /// <summary>How long a write waits for SQLite's lock before the request answers 503.</summary>
    [Range(1, 300, ErrorMessage = "CallVault:Database:BusyTimeoutSeconds must be between 1 and 300.")]
    public int BusyTimeoutSeconds { get; set; } = 10;
}
