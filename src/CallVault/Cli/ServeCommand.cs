using System.CommandLine;
using CallVault.Demo;
using CallVault.Web;
using Microsoft.Extensions.Options;

namespace CallVault.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Also run a simulated Twilio that places calls and sends signed webhooks." };
        var command = new Command("serve", "Run the service: webhooks, API, pipeline workers.") { demo };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Unmatched tokens (--urls, --CallVault:Storage:Path=…) are standard host configuration.
            var hostArgs = parse.UnmatchedTokens.ToArray();
            try
            {
                if (parse.GetValue(demo))
                {
                    return await DemoMode.RunAsync(hostArgs, cancellationToken);
                }

                var app = CallVaultWebApplication.Build(hostArgs);
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (OptionsValidationException ex)
            {
                return CliErrors.Fail(ex.Failures.First());
            }
        });
        return command;
    }
}
