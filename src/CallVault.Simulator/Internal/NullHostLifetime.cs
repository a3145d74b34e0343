using Microsoft.Extensions.Hosting;

namespace CallVault.Simulator.Internal;

/// <summary>
/// The simulator runs inside other processes (tests, benchmarks, <c>serve --demo</c>): it must not hook Ctrl+C or
/// SIGTERM, which belong to the host application.
/// </summary>
internal sealed class NullHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
