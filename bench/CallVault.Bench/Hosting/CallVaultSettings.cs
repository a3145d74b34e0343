using CallVault.Simulator;

namespace CallVault.Bench.Hosting;

/// <summary>The settings a benchmarked CallVault runs with: production defaults (transcoding off), a fresh data folder, the simulator as Twilio.</summary>
internal static class CallVaultSettings
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef0123456789";

    public static Dictionary<string, string?> For(string dataDirectory, TwilioSimulator? simulator, int? workers = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CallVault:Database:ConnectionString"] = $"Data Source={DatabasePath(dataDirectory)}",
            ["CallVault:Storage:Path"] = Path.Combine(dataDirectory, "recordings"),
            ["CallVault:Storage:TempPath"] = Path.Combine(dataDirectory, "tmp"),
            ["CallVault:Auth:AdminApiKey"] = AdminKey,
            ["CallVault:Twilio:AccountSid"] = simulator?.AccountSid,
            ["CallVault:Twilio:AuthToken"] = simulator?.AuthToken,
            ["CallVault:Twilio:ApiBaseUrl"] = simulator?.BaseUrl.ToString() ?? "https://api.twilio.com",
            // The simulator listens on 127.0.0.1.
            ["CallVault:Outbound:AllowPrivateAddresses"] = "true",
            // The targets are stated without transcoding (the transcode stage has its own measurements).
            ["CallVault:Media:Transcode"] = "none",
        };
        if (workers is { } w)
        {
            settings["CallVault:Jobs:Workers"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "callvault.db");
}
