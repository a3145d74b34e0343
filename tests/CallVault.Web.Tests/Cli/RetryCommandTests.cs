using CallVault.Web.Tests.Imports;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Cli;

public sealed class RetryCommandTests
{
    [Fact]
    public async Task RetryCommand_FailedRecording_QueuesItAndTheServerStoresIt()
    {
        await using var s = await Scenario.StartAsync(new Dictionary<string, string?> { ["CallVault:Jobs:MaxAttempts"] = "1" });
        s.Simulator.Faults.ServerErrorRate = 1;
        var recording = s.NewRecording();
        using var _ = await s.SendCompletedAsync(recording);
        var failed = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "failed");
        var id = failed.GetProperty("id").GetString()!;
        var settings = CallVaultTestHost.DefaultSettings(s.Host.DataDirectory, s.Simulator);
        s.Simulator.Faults.ServerErrorRate = 0;

        var unknown = await CliProcess.RunAsync(settings, "retry", Guid.NewGuid().ToString());
        var badStage = await CliProcess.RunAsync(settings, "retry", id, "--stage", "exploded");
        var retried = await CliProcess.RunAsync(settings, "retry", id);

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("no recording", Assert.Single(unknown.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.NotEqual(0, badStage.ExitCode);
        Assert.True(retried.ExitCode == 0, retried.StandardOutput + retried.StandardError);
        var stored = await RecordingJson.WaitForStatusAsync(s.Host.Api, recording.Sid, TimeSpan.FromSeconds(30), "stored");
        Assert.Equal(await recording.ComputeSha256Async(CancellationToken.None), stored.GetProperty("sha256").GetString());
    }
}
