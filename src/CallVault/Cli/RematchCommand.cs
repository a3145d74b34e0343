using System.CommandLine;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallVault.Cli;

/// <summary><c>callvault rematch</c>: runs the matching chain again for every recording without a call and reports what moved.</summary>
internal static class RematchCommand
{
    public static Command Create()
    {
        var command = new Command("rematch", "Match recordings that have no call yet again (e.g. after call history arrived).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var report = await services.GetRequiredService<RecordingRematcher>().RunAsync(ct);
            var methods = report.ByMethod.Count == 0 ? string.Empty : $" ({string.Join(", ", report.ByMethod.Select(m => $"{m.Key} {m.Value}"))})";
            Console.WriteLine($"Examined {report.Examined} unmatched recording(s): {report.Matched} matched{methods}, {report.StillUnmatched} still unmatched.");
            return 0;
        }, cancellationToken, services => services.AddLogging(logging => logging.AddFilter("CallVault", LogLevel.Warning))));
        return command;
    }
}
