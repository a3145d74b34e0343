using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Uploads;

/// <summary>A test server whose upload staging folder lives in its data folder and is swept every second.</summary>
internal static class UploadHost
{
    public static Task<CallVaultTestHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-upload-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["CallVault:Upload:StagingPath"] = StagingPath(dataDirectory),
            ["CallVault:Upload:CleanupIntervalSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return CallVaultTestHost.StartAsync(null, settings, dataDirectory);
    }

    public static string StagingPath(string dataDirectory) => Path.Combine(dataDirectory, "uploads");

    public static IReadOnlyList<string> StagedFiles(this CallVaultTestHost host)
    {
        var path = StagingPath(host.DataDirectory);
        return Directory.Exists(path) ? [.. Directory.EnumerateFiles(path)] : [];
    }
}
