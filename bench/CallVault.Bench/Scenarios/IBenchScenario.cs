using CallVault.Bench.Reporting;

namespace CallVault.Bench.Scenarios;

internal interface IBenchScenario
{
    string Name { get; }

    Task<ScenarioReport> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
