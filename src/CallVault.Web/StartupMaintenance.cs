using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallVault.Web;

/// <summary>Before serving: bring the schema up to date and clear scratch files a killed process left.</summary>
internal sealed class StartupMaintenance(SchemaMigrator migrator, TempFiles tempFiles, IOptions<JobOptions> jobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        tempFiles.DeleteStale(jobs.Value.Lease * 2);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
