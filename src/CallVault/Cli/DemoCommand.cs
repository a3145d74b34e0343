using System.CommandLine;
using CallVault.Demo;
using Microsoft.Extensions.Options;

namespace CallVault.Cli;

/// <summary><c>callvault demo</c>: the same as <c>serve --demo</c>.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the service with a simulated Twilio placing calls (same as `serve --demo`).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await DemoMode.RunAsync([.. parse.UnmatchedTokens], cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                return CliErrors.Fail(ex.Failures.First());
            }
        });
        return command;
    }
}
