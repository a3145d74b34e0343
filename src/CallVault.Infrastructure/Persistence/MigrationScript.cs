using System.Globalization;
using System.Reflection;

namespace CallVault.Infrastructure.Persistence;

/// <summary>One versioned schema script, e.g. version 1, <c>0001_initial.sql</c>.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>The <c>.sql</c> scripts embedded in a migrations assembly, in version order.</summary>
    public static IReadOnlyList<MigrationScript> All(Assembly assembly) =>
        [.. assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Version)];

    private static MigrationScript Load(Assembly assembly, string resource)
    {
        // Resource names look like "CallVault.Migrations.Sqlite.Scripts.0001_initial.sql".
        var fileName = resource[(resource.IndexOf(".Scripts.", StringComparison.Ordinal) + ".Scripts.".Length)..];
        var version = int.Parse(fileName[..fileName.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, fileName, reader.ReadToEnd());
    }
}
