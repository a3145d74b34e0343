using System.CommandLine;
using CallVault.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallVault.Cli;

/// <summary>Runs a one-shot command with the same configuration and registrations as <c>serve</c>, minus the server.</summary>
internal static class OneShotHost
{
    public static async Task<int> RunAsync(
        ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. parse.UnmatchedTokens],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddCallVaultCore();
        configureServices?.Invoke(builder.Services);
        using var host = builder.Build();
        try
        {
            ValidateOptions(host.Services);
            return await body(host.Services, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return CliErrors.Fail(ex.Failures.First());
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            return CliErrors.Fail(ex.Message);
        }
    }

    /// <summary>Same start-up validation as the server: every registered option is checked now, naming the key.</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        var validator = services.GetService<IStartupValidator>();
        validator?.Validate();
    }
}
