namespace CallVault.Infrastructure.Persistence;

/// <summary>The values of <c>CallVault:Database:Provider</c>.</summary>
public static class DatabaseProviders
{
    /// <summary>One file next to the service: one instance.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A shared server: several instances behind a load balancer.</summary>
    public const string Postgres = "postgres";
}
