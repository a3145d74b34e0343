using CallVault.Simulator;
using CallVault.Web.Tests.TestSupport;

namespace CallVault.Web.Tests.Imports;

/// <summary><c>callvault import twilio</c> and <c>callvault rematch</c> as a user runs them, output not on a terminal.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task ImportTwilio_NotATerminal_PrintsPlainPageLinesAndCounts_SecondRunImportsNothing()
    {
        await using var simulator = await TwilioSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);
        for (var i = 0; i < 25; i++)
        {
            var call = simulator.CreateCall(new CallSpec { From = $"+1415555{i:0000}", DurationSeconds = 2 });
            simulator.AddRecording(new RecordingSpec { CallSid = call.Parent.Sid, DurationSeconds = 1, Channels = 1 });
        }

        var dataDirectory = Directory.CreateTempSubdirectory("callvault-cli-import-").FullName;
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator);
        settings["CallVault:Imports:PageSize"] = "10";
        var (from, to) = ImportApi.AroundToday();
        try
        {
            var first = await CliProcess.RunAsync(settings, "import", "twilio", "--from", from, "--to", to);
            var second = await CliProcess.RunAsync(settings, "import", "twilio", "--from", from, "--to", to);

            Assert.True(first.ExitCode == 0, first.StandardError);
            Assert.Contains("page 1: found 10, imported 10, skipped 0, failed 0", first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("page 3: found 25, imported 25, skipped 0, failed 0", first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("completed", first.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("callvault serve", first.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", first.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, second.ExitCode);
            Assert.Contains("found 25, imported 0, skipped 25, failed 0", second.StandardOutput, StringComparison.Ordinal);

            var rematch = await CliProcess.RunAsync(settings, "rematch");
            Assert.True(rematch.ExitCode == 0, rematch.StandardOutput + rematch.StandardError);
            Assert.True(rematch.StandardOutput.Contains("Examined 25 unmatched recording(s): 25 matched (created 25), 0 still unmatched.", StringComparison.Ordinal), rematch.StandardOutput);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            CallVault.Tests.TestSupport.TestDatabase.Drop(dataDirectory);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("2026-02-30", "2026-03-01", "--from")]
    [InlineData("2026-03-01", "2026-02-01", "--to")]
    [InlineData("2026-01-01", null, "--to")]
    public async Task ImportTwilio_BadDates_ExitsNonZeroWithOneLine(string from, string? to, string named)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("callvault-cli-bad-").FullName;
        var settings = CallVaultTestHost.DefaultSettings(dataDirectory, simulator: null);
        try
        {
            string[] args = to is null ? ["import", "twilio", "--from", from] : ["import", "twilio", "--from", from, "--to", to];
            var result = await CliProcess.RunAsync(settings, args);

            Assert.NotEqual(0, result.ExitCode);
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(named, line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
