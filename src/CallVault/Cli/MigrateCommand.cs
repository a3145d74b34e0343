using System.CommandLine;
using CallVault.Infrastructure.Persistence;
using CallVault.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallVault.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database schema up to date, then exit.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = parse.UnmatchedTokens.ToArray(),
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Services.AddCallVaultCore();
            using var host = builder.Build();
            try
            {
                var applied = await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                Console.WriteLine(applied == 0 ? "Schema is up to date." : $"Applied {applied} migration(s).");
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                return CliErrors.Fail(ex.Failures.First());
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException)
            {
                return CliErrors.Fail($"migration failed: {ex.Message}");
            }
        });
        return command;
    }
}
