using CallVault.Infrastructure.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallVault.Web.Health;

internal sealed class StorageHealthCheck(IRecordingStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.CheckWritableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"storage ({storage.Name}): {ex.GetType().Name}: {ex.Message}");
        }
    }
}
