using System.Reflection;

namespace CallVault.Migrations.Postgres;

/// <summary>The PostgreSQL schema: versioned SQL scripts embedded in this assembly as <c>Scripts/NNNN_name.sql</c>.</summary>
public static class PostgresMigrations
{
    /// <summary>The assembly holding the scripts.</summary>
    public static Assembly Assembly => typeof(PostgresMigrations).Assembly;
}
