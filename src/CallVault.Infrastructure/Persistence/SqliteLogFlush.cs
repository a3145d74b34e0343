using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Durability for commits in groups, outside the write lock. A commit made with
/// <c>synchronous = NORMAL</c> (<see cref="CommitDurability.RelaxAsync"/>) has written its pages to the
/// write-ahead log but not flushed it; one fsync of the log file then makes it and every commit before it
/// durable (recovery replays the log in order). Writers commit relaxed, let the next writer in, and
/// wait here: the fsync of one batch of webhooks overlaps the writing of the next, and concurrent
/// "stored" commits of several job workers share one flush instead of each holding the lock through its own.
/// A log file that is gone was checkpointed into the database file and flushed with it. PostgreSQL
/// commits are durable by themselves: nothing to do.
/// </summary>
public sealed class SqliteLogFlush
{
    private readonly string? _logPath;
    private readonly Action<string> _flushFile;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private long _requested;
    private long _flushedThrough;
    private long _flushes;

    public SqliteLogFlush(IOptions<DatabaseOptions> options)
        : this(LogPathOf(options.Value), FlushFile)
    {
    }

    /// <summary>With the flush itself given (tests hold it to see callers share it).</summary>
    internal SqliteLogFlush(string? logPath, Action<string> flushFile)
    {
        _logPath = logPath;
        _flushFile = flushFile;
    }

    /// <summary>The log file flushed; null when there is none to flush (PostgreSQL, in-memory SQLite).</summary>
    internal string? LogPath => _logPath;

    /// <summary>How many fsyncs of the log were made (fewer than callers when they overlap).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Returns once every commit this process made before the call is on disk.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_logPath is not { } logPath)
        {
            return;
        }

        var ticket = Interlocked.Increment(ref _requested);
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _flushedThrough) >= ticket)
            {
                return; // a flush that began after this caller's commit covered it
            }

            var through = Interlocked.Read(ref _requested);
            await Task.Run(() => _flushFile(logPath), CancellationToken.None);
            Interlocked.Exchange(ref _flushedThrough, through);
            Interlocked.Increment(ref _flushes);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>For callers holding a context: flushes when it is SQLite.</summary>
    public Task FlushAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.IsSqlite() ? FlushAsync(cancellationToken) : Task.CompletedTask;

    private static string? LogPathOf(DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            return null;
        }

        return SqliteConnectionFactory.DatabaseFile(new SqliteConnectionStringBuilder(options.ConnectionString)) is { } file
            ? file + "-wal"
            : null;
    }

    private static void FlushFile(string logPath)
    {
        try
        {
            // fsync flushes the file whichever descriptor names it: the pages SQLite's commits wrote. SQLite
            // keeps no POSIX lock on the log file itself (its locks are on the -shm and database files),
            // so closing this descriptor cannot drop one of them.
            using var log = new FileStream(logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            log.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // Checkpointed into the database file and removed: that checkpoint flushed the file first.
        }
    }
}
