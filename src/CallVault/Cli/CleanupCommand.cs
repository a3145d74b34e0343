using System.CommandLine;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

internal static class CleanupCommand
{
    public static Command Create()
    {
        var command = new Command("cleanup", "Apply retention once: delete stored audio older than CallVault:Retention:Days (legal holds excepted).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var deleted = await services.GetRequiredService<RetentionRunner>().RunOnceAsync(ct);
            Console.WriteLine(deleted == 0 ? "Nothing to delete." : $"Deleted the audio of {deleted} recording(s).");
            return 0;
        }, cancellationToken));
        return command;
    }
}
