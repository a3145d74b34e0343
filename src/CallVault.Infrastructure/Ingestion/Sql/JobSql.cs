using CallVault.Core.Jobs;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>Pipeline jobs as ingestion enqueues them.</summary>
internal static class JobSql
{
    private const string Insert = """
        INSERT INTO "Jobs" ("Kind", "RecordingId", "State", "Attempts", "RunAfter", "LeaseOwner", "LeaseExpiresAt", "LastError", "CreatedAt", "UpdatedAt")
        VALUES (@kind, @recordingId, @state, @attempts, @runAfter, @leaseOwner, @leaseExpiresAt, @lastError, @createdAt, @updatedAt)
        """;

    private const string HasActive = """
        SELECT EXISTS (SELECT 1 FROM "Jobs" WHERE "RecordingId" = @recordingId AND ("State" = @queued OR "State" = @running))
        """;

    public static void InsertJob(IngestSql sql, Job job)
    {
        var command = sql.Command(Insert);
        command.Set("@kind", job.Kind);
        command.Set("@recordingId", SqlValue.Of(job.RecordingId));
        command.Set("@state", job.State.ToString());
        command.Set("@attempts", job.Attempts);
        command.Set("@runAfter", SqlValue.Of(job.RunAfter));
        command.Set("@leaseOwner", SqlValue.Of(job.LeaseOwner));
        command.Set("@leaseExpiresAt", SqlValue.Of(job.LeaseExpiresAt));
        command.Set("@lastError", SqlValue.Of(job.LastError));
        command.Set("@createdAt", SqlValue.Of(job.CreatedAt));
        command.Set("@updatedAt", SqlValue.Of(job.UpdatedAt));
        command.ExecuteNonQuery();
    }

    /// <summary>Whether the recording already has a queued or running job.</summary>
    public static bool HasActiveJob(IngestSql sql, Guid recordingId)
    {
        var command = sql.Command(HasActive);
        command.Set("@recordingId", SqlValue.Of(recordingId));
        command.Set("@queued", nameof(JobState.Queued));
        command.Set("@running", nameof(JobState.Running));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }
}
