using System.Reflection;

namespace CallVault.Migrations.Sqlite;

/// <summary>The SQLite schema: versioned SQL scripts embedded in this assembly as <c>Scripts/NNNN_name.sql</c>.</summary>
public static class SqliteMigrations
{
    /// <summary>The assembly holding the scripts.</summary>
    public static Assembly Assembly => typeof(SqliteMigrations).Assembly;
}
