using CallVault.Simulator;
using CallVault.Web.Tests.Imports;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Reconciliations;

/// <summary><c>callvault reconcile</c> as a user runs it: one count per line, exit 0; a bad option is one line and non-zero.</summary>
public sealed class ReconcileCommandTests
{
    [Fact]
    public async Task Reconcile_DryRunThenRepairThenDeleteOrphans_PrintsCountsPerLine()
    {
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            var call = simulator.CreateCall(new CallSpec { DurationSeconds = 2 });
            simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        }

        var dataDirectory = Directory.CreateTempSubdirectory("callvault-cli-reconcile-").FullName;
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator);
        try
        {
            var dry = await CliProcess.RunAsync(settings, "reconcile");
            var repair = await CliProcess.RunAsync(settings, "reconcile", "--repair");
            var stray = Path.Combine(dataDirectory, "recordings", "recordings", "2026", "01", "02", Guid.NewGuid().ToString("N") + ".wav");
            Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
            await File.WriteAllBytesAsync(stray, [1, 2, 3]);
            var orphans = await CliProcess.RunAsync(settings, "reconcile", "--delete-orphans", "--orphan-grace-seconds", "0", "--checksums", "all");

            Assert.True(dry.ExitCode == 0, dry.StandardError);
            Assert.Contains("missingMetadata: 3\n", dry.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("repaired: 0\n", dry.StandardOutput, StringComparison.Ordinal);
            Assert.True(repair.ExitCode == 0, repair.StandardError);
            Assert.Contains("missingMetadata: 3\n", repair.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("repaired: 3\n", repair.StandardOutput, StringComparison.Ordinal);
            Assert.True(orphans.ExitCode == 0, orphans.StandardError);
            Assert.Contains("missingMetadata: 0\n", orphans.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("orphanObjects: 1\n", orphans.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("deletedOrphans: 1\n", orphans.StandardOutput, StringComparison.Ordinal);
            Assert.False(File.Exists(stray));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            CallVault.Tests.TestSupport.TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("--checksums", "some")]
    [InlineData("--orphan-grace-seconds", "-5")]
    public async Task Reconcile_BadOption_ExitsNonZeroWithOneLine(string option, string value)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-cli-reconcile-bad-").FullName;
        try
        {
            var result = await CliProcess.RunAsync(CallVaultTestHost.DefaultSettings(dataDirectory, simulator: null), "reconcile", option, value);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            CallVault.Tests.TestSupport.TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
