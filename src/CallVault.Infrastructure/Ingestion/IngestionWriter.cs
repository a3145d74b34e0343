using System.Threading.Channels;
using CallVault.Infrastructure.Events;
using CallVault.Infrastructure.Ingestion.Sql;
using CallVault.Infrastructure.Jobs;
using CallVault.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallVault.Infrastructure.Ingestion;

/// <summary>
/// Group commit for inbound events: concurrent webhooks are written by one writer in batches, one
/// transaction per batch; a batch with a failing event is written again with each event in its own
/// savepoint, so one bad event cannot sink the others. Twilio callbacks (<see cref="ISqlIngestCommand"/>)
/// write through statements prepared once per batch; other commands through EF Core, in the same
/// transaction. A caller's task completes only once its batch's commit is on disk (<see cref="SqliteLogFlush"/>,
/// which overlaps with the writing of the next batch): that is when the webhook may answer 2xx.
/// </summary>
public sealed partial class IngestionWriter(
    IDbContextFactory<CallVaultDbContext> contextFactory,
    SqliteLogFlush logFlush,
    JobSignal jobSignal,
    IEventHub events,
    TimeProvider time,
    ILogger<IngestionWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private Task _acknowledging = Task.CompletedTask;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(8192) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<IngestResult> WriteAsync(IIngestCommand command, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(command);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                _acknowledging = await WriteBatchAsync(batch, stoppingToken);
                batch = new List<PendingWrite>(MaxBatch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var item in batch)
            {
                item.Completion.TrySetCanceled(stoppingToken);
            }
        }

        await _acknowledging;
    }

    /// <summary>Commits the batch; the returned task answers its senders once the commit is on disk.</summary>
    private async Task<Task> WriteBatchAsync(List<PendingWrite> batch, CancellationToken stoppingToken)
    {
        var results = new IngestResult?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            // Nearly every batch is all good events: write it with no savepoints (two statements fewer
            // per event). Only when one fails is the batch undone and written again, each event in its
            // own savepoint, so that one bad event cannot sink the others.
            if (!await TryWriteAsync(batch, results, errors, isolateEvents: false, stoppingToken))
            {
                Array.Clear(errors);
                await TryWriteAsync(batch, results, errors, isolateEvents: true, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            FailAll(batch, ex);
            return Task.CompletedTask;
        }

        // The commit was relaxed: it is in the log, not yet on disk. The next batch is written while
        // this one's flush runs; its senders are answered after it.
        return AcknowledgeWhenDurableAsync(batch, results, errors);
    }

    private async Task AcknowledgeWhenDurableAsync(List<PendingWrite> batch, IngestResult?[] results, Exception?[] errors)
    {
        try
        {
            await logFlush.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FailAll(batch, ex);
            return;
        }

        var enqueued = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                LogEventFailed(logger, error);
                batch[i].Completion.TrySetException(error);
            }
            else
            {
                enqueued += results[i]!.JobEnqueued ? 1 : 0;
                Announce(results[i]!);
                batch[i].Completion.TrySetResult(results[i]!);
            }
        }

        if (enqueued > 0)
        {
            jobSignal.Notify(enqueued);
        }
    }

    /// <summary>
    /// One transaction for the whole batch. Without <paramref name="isolateEvents"/>, the first failing
    /// event rolls everything back and the answer is false (nothing was written).
    /// </summary>
    private async Task<bool> TryWriteAsync(
        List<PendingWrite> batch, IngestResult?[] results, Exception?[] errors, bool isolateEvents, CancellationToken stoppingToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(stoppingToken);
        // Made durable by the shared log flush once committed, outside the write lock.
        await CommitDurability.RelaxAsync(db, stoppingToken);
        using var writing = await SqliteWriteGate.EnterAsync(db, stoppingToken);
        await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
        using var sql = new IngestSql(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < batch.Count; i++)
        {
            stoppingToken.ThrowIfCancellationRequested();
            (results[i], errors[i]) = await sql.ApplyAsync(db, batch[i].Command, now, isolateEvents, stoppingToken);
            if (errors[i] is not null && !isolateEvents)
            {
                await transaction.RollbackAsync(stoppingToken);
                return false;
            }
        }

        await transaction.CommitAsync(stoppingToken);
        return true;
    }

    /// <summary>The batch was not written, or not made durable: every sender gets 503 and may send again.</summary>
    private void FailAll(List<PendingWrite> batch, Exception exception)
    {
        LogBatchFailed(logger, batch.Count, exception);
        foreach (var item in batch)
        {
            item.Completion.TrySetException(exception);
        }
    }

    /// <summary>Tells live pages what a committed event changed.</summary>
    private void Announce(IngestResult result)
    {
        if (result.Duplicate)
        {
            return;
        }

        if (result.RecordingId is { } recordingId)
        {
            events.Publish(ServerEvent.RecordingUpdated(recordingId, result.CallId, "received"));
        }

        if (result.CallId is { } callId)
        {
            events.Publish(ServerEvent.CallUpdated(callId));
        }
    }

    private sealed record PendingWrite(IIngestCommand Command)
    {
        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Could not commit a batch of {Count} inbound events; the senders get 503")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Could not write an inbound event; the sender gets 503")]
    private static partial void LogEventFailed(ILogger logger, Exception exception);
}
