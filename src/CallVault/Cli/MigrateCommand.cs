using System.CommandLine;
using CallVault.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database schema up to date, then exit.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            var applied = await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            Console.WriteLine(applied == 0 ? "Schema is up to date." : $"Applied {applied} migration(s).");
            return 0;
        }, cancellationToken));
        return command;
    }
}
