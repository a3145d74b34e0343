using System.CommandLine;
using CallVault.Core.Recordings;
using CallVault.Infrastructure.Persistence;
using CallVault.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CallVault.Cli;

/// <summary><c>callvault retry ID [--stage NAME]</c>: the admin retry of failed stages, from the command line.</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var id = new Argument<Guid>("id") { Description = "The recording's CallVault id." };
        var stage = new Option<string?>("--stage") { Description = "Retry only this stage (download, validate, transcode, store, transcribe, summarize, providerDelete)." };
        var command = new Command("retry", "Send a recording's failed stages back to the pipeline (run `serve` to process them).") { id, stage };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => OneShotHost.RunAsync(parse, async (services, ct) =>
        {
            StageName? only = null;
            if (parse.GetValue(stage) is { } name)
            {
                if (!StageNames.TryParse(name, out var parsed))
                {
                    return CliErrors.Fail($"unknown stage '{name}'");
                }

                only = parsed;
            }

            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var recordingId = parse.GetValue(id);
            return await services.GetRequiredService<RecordingRetry>().RetryAsync(recordingId, only, ct) switch
            {
                RecordingRetry.Outcome.NotFound => CliErrors.Fail($"no recording {recordingId}"),
                RecordingRetry.Outcome.NothingToRetry => CliErrors.Fail(only is null ? "no stage of this recording has failed" : $"the {parse.GetValue(stage)} stage has not failed"),
                _ => Queued(recordingId),
            };
        }, cancellationToken));
        return command;
    }

    private static int Queued(Guid recordingId)
    {
        Console.WriteLine($"Recording {recordingId} queued for another try; `callvault serve` runs it.");
        return 0;
    }
}
