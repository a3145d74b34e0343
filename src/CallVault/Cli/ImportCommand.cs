using System.CommandLine;
using System.Globalization;
using CallVault.Core.Sync;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CallVault.Cli;

/// <summary>
/// <c>callvault import twilio --from YYYY-MM-DD --to YYYY-MM-DD</c>: creates the import exactly as
/// <c>POST /api/imports</c> does and runs it in this process, with a progress bar on a terminal and
/// plain lines otherwise. The audio is downloaded afterwards by the server's pipeline workers.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First day (UTC, YYYY-MM-DD), inclusive." };
        var to = new Option<string>("--to") { Description = "Last day (UTC, YYYY-MM-DD), inclusive." };
        var twilio = new Command("twilio", "Import recordings from Twilio's Recordings list for a range of days.") { from, to };
        twilio.TreatUnmatchedTokensAsErrors = false;
        twilio.SetAction((parse, cancellationToken) =>
        {
            var range = ImportRange.TryCreate("twilio", parse.GetValue(from), parse.GetValue(to), out var error);
            return range is null
                ? Task.FromResult(CliErrors.Fail($"import: {(error.StartsWith("from", StringComparison.Ordinal) || error.StartsWith("to", StringComparison.Ordinal) ? "--" : "")}{error}"))
                : OneShotHost.RunAsync(parse, (services, ct) => RunAsync(services, range, ct), cancellationToken, ConfigureServices);
        });

        var command = new Command("import", "Backfill recordings from a provider's API (idempotent, resumable).") { twilio };
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>The ingestion writer (started by hand below); informational logs kept off the progress display.</summary>
    private static void ConfigureServices(IServiceCollection services)
    {
        services.AddIngestion();
        services.AddLogging(logging => logging.AddFilter("CallVault", LogLevel.Warning));
    }

    private static async Task<int> RunAsync(IServiceProvider services, ImportRange range, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        if (!services.GetRequiredService<ImportStarter>().IsConfigured(range.Provider))
        {
            return CliErrors.Fail("Twilio is not configured: set CallVault:Twilio:AccountSid and CallVault:Twilio:AuthToken.");
        }

        var interactive = AnsiConsole.Profile.Capabilities.Interactive;
        var view = new ImportProgressView(plainLines: !interactive);
        var writer = services.GetRequiredService<IngestionWriter>();
        await writer.StartAsync(cancellationToken);
        Import result;
        try
        {
            if (!interactive)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Importing Twilio recordings from {range.From:yyyy-MM-dd} through {range.To:yyyy-MM-dd}…"));
            }

            var run = services.GetRequiredService<InProcessImport>().RunAsync(range, "cli", view, cancellationToken);
            result = interactive ? await ShowBarAsync(run, view) : await run;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliErrors.Fail($"interrupted; `callvault serve` resumes import {view.Latest?.ImportId} from its last checkpoint.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && view.Latest is { } started)
        {
            return CliErrors.Fail($"import {started.ImportId} stopped: {ex.Message}; `callvault serve` retries it from its last checkpoint.");
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        var counts = new ImportProgress(result.Id, result.Found, result.Imported, result.Skipped, result.Failed, result.Pages, true);
        if (result.Status != ImportStatus.Completed)
        {
            return CliErrors.Fail($"import {result.Id} failed: {result.LastError ?? "unknown reason"} ({view.Describe(counts)})");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import {result.Id} completed in {view.Elapsed.TotalSeconds:0.0} s over {result.Pages} page(s): {view.Describe(counts)}."));
        if (result.Failed > 0)
        {
            Console.WriteLine($"{result.Failed} recording(s) could not be imported; last reason: {result.LastError}");
        }

        Console.WriteLine(result.Imported == 0
            ? "Nothing new to download."
            : $"The audio of the {result.Imported} imported recording(s) is downloaded by the pipeline workers of `callvault serve` (their jobs are queued).");
        return 0;
    }

    private static Task<Import> ShowBarAsync(Task<Import> run, ImportProgressView view) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("listing…", maxValue: 1);
                task.IsIndeterminate = true;
                while (!run.IsCompleted)
                {
                    if (view.Latest is { } latest)
                    {
                        task.Description = Markup.Escape($"page {latest.Pages + 1}: {view.Describe(latest)}");
                    }

                    await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(200)));
                }

                var result = await run;
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
}
