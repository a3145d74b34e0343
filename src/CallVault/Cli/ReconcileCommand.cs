using System.CommandLine;
using System.Globalization;
using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Cli;

/// <summary>
/// <c>callvault reconcile [--repair] [--delete-orphans] [--orphan-grace-seconds N] [--checksums all|N]</c>:
/// the same run as <c>POST /api/reconciliations</c>, in this process; prints one count per line.
/// Re-downloads and imports are queued for the server's pipeline workers.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Repair what can be: import missed recordings, fetch missing or corrupt objects again, resume interrupted stores." };
        var deleteOrphans = new Option<bool>("--delete-orphans") { Description = "Delete objects no recording refers to, once older than the grace period." };
        var grace = new Option<long?>("--orphan-grace-seconds") { Description = "Orphans younger than this are kept (default 604800, a week)." };
        var checksums = new Option<string?>("--checksums") { Description = "'all' re-hashes every stored object; a number, a random sample of that size (default CallVault:Reconciliation:ChecksumSample)." };
        var command = new Command("reconcile", "Compare the provider, the database and storage; a dry run unless --repair / --delete-orphans.")
        {
            repair, deleteOrphans, grace, checksums,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            var checksumText = parse.GetValue(checksums);
            int? sample = null;
            if (checksumText is not (null or "all"))
            {
                if (!int.TryParse(checksumText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    return Task.FromResult(CliErrors.Fail("reconcile: --checksums must be 'all' or a number."));
                }

                sample = size;
            }

            return OneShotHost.RunAsync(parse, (services, ct) =>
            {
                var request = new ReconciliationRequest(
                    parse.GetValue(repair) ? ReconciliationRepair.All : ReconciliationRepair.None,
                    parse.GetValue(deleteOrphans),
                    parse.GetValue(grace) ?? ReconciliationRequest.DefaultOrphanGraceSeconds,
                    checksumText == "all" ? null : sample ?? services.GetRequiredService<IOptions<ReconciliationOptions>>().Value.ChecksumSample);
                return request.Validate() is { } error ? Task.FromResult(CliErrors.Fail($"reconcile: {error}")) : RunAsync(services, request, ct);
            }, cancellationToken, services =>
            {
                services.AddIngestion();
                services.AddLogging(logging => logging.AddFilter("CallVault", LogLevel.Warning));
            });
        });
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, ReconciliationRequest request, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        var writer = services.GetRequiredService<IngestionWriter>();
        await writer.StartAsync(cancellationToken);
        ReconciliationRun run;
        try
        {
            run = await services.GetRequiredService<InProcessReconciliation>().RunAsync(request, "cli", cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return CliErrors.Fail("reconcile: interrupted; `callvault serve` runs it again.");
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        if (run.Status != ReconciliationStatus.Completed)
        {
            return CliErrors.Fail($"reconciliation {run.Id} failed: {run.LastError ?? "unknown reason"}");
        }

        Console.WriteLine($"Reconciliation {run.Id} ({(request.Repair == ReconciliationRepair.None && !request.DeleteOrphans ? "dry run" : "repairing")}):");
        foreach (var (name, value) in Counts(run))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));
        }

        return 0;
    }

    private static IEnumerable<(string Name, int Value)> Counts(ReconciliationRun r) =>
    [
        ("missingMetadata", r.MissingMetadata),
        ("orphanObjects", r.OrphanObjects),
        ("missingObjects", r.MissingObjects),
        ("checksumMismatches", r.ChecksumMismatches),
        ("interruptedStores", r.InterruptedStores),
        ("repaired", r.Repaired),
        ("deletedOrphans", r.DeletedOrphans),
        ("unrecoverable", r.Unrecoverable),
        ("providerListed", r.ProviderListed),
        ("recordingsScanned", r.RecordingsScanned),
        ("objectsScanned", r.ObjectsScanned),
        ("checksumsVerified", r.ChecksumsVerified),
    ];
}
