using System.Reflection;

namespace CallVault.Migrations.Postgres;

/// <summary>The PostgreSQL schema as ordered, versioned SQL scripts embedded in this assembly.</summary>
public static class PostgresMigrations
{
    /// <summary>Scripts in version order: (version, name, sql).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> All()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)];
    }

    private static (int Version, string Name, string Sql) Load(Assembly assembly, string resource)
    {
        // Resource names look like "CallVault.Migrations.Postgres.Scripts.0001_initial.sql".
        var fileName = resource[(resource.IndexOf(".Scripts.", StringComparison.Ordinal) + ".Scripts.".Length)..];
        var version = int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return (version, fileName, reader.ReadToEnd());
    }
}
