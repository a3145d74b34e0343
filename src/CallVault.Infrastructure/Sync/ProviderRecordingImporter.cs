using CallVault.Core.Sync;
using CallVault.Core.Twilio;
using CallVault.Infrastructure.Ingestion;
using CallVault.Infrastructure.Twilio;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Sync;

/// <summary>
/// Brings one recording from the provider's list into CallVault exactly as a <c>completed</c>
/// webhook would: same transaction, same de-duplication key (so a recording seen both ways is
/// written once), same matching and pipeline — plus the import's ledger row in that transaction.
/// The media URL is built from the configured API host, never taken from the listing.
/// </summary>
public sealed partial class ProviderRecordingImporter(
    IngestionWriter writer, IOptionsMonitor<TwilioOptions> options, ILogger<ProviderRecordingImporter> logger)
{
    public async Task<ImportItemResult> ImportAsync(Guid importId, TwilioRecordingInfo recording, CancellationToken cancellationToken)
    {
        var command = Command(importId, recording);
        try
        {
            await writer.WriteAsync(command, cancellationToken);
            return command.Result!;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This item could not be written (its own changes were rolled back): account for it and go on.
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            LogItemFailed(logger, recording.Sid, importId, ex);
            var failure = new ImportItemCommand(importId, recording.Sid, recordingEvent: null, ImportItemOutcome.Failed, reason);
            await writer.WriteAsync(failure, cancellationToken);
            return failure.Result!;
        }
    }

    private ImportItemCommand Command(Guid importId, TwilioRecordingInfo recording)
    {
        var o = options.CurrentValue;
        if (recording.Status != "completed")
        {
            return new ImportItemCommand(importId, recording.Sid, null, ImportItemOutcome.Skipped, $"status is {recording.Status ?? "missing"}, not completed");
        }

        if (recording.CallSid is null || o.AccountSid is null)
        {
            var reason = recording.CallSid is null ? "the listing has no call_sid" : "Twilio is not configured";
            return new ImportItemCommand(importId, recording.Sid, null, ImportItemOutcome.Failed, reason);
        }

        var callback = new TwilioRecordingCallback(
            o.AccountSid,
            recording.CallSid,
            recording.Sid,
            "completed",
            new Uri(o.ApiBaseUrl, $"/2010-04-01/Accounts/{o.AccountSid}/Recordings/{recording.Sid}").AbsoluteUri,
            recording.DurationSeconds,
            recording.Channels is 1 or 2 ? recording.Channels : null,
            recording.StartTime,
            recording.Source,
            Track: null,
            ErrorCode: null);
        return new ImportItemCommand(importId, recording.Sid, new TwilioRecordingEvent(callback, recording.RawJson), ImportItemOutcome.Imported, null);
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Recording {RecordingSid} of import {ImportId} could not be written; counted as failed")]
    private static partial void LogItemFailed(ILogger logger, string recordingSid, Guid importId, Exception exception);
}
