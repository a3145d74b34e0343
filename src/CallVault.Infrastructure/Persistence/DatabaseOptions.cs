using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "CallVault:Database";

    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "CallVault:Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    [Required(ErrorMessage = "CallVault:Database:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=data/callvault.db";

    public bool IsPostgres => string.Equals(Provider, DatabaseProviders.Postgres, StringComparison.Ordinal);

    /// <summary>How long a write waits for SQLite's lock before the request answers 503.</summary>
    [Range(1, 300, ErrorMessage = "CallVault:Database:BusyTimeoutSeconds must be between 1 and 300.")]
    public int BusyTimeoutSeconds { get; set; } = 10;
}
