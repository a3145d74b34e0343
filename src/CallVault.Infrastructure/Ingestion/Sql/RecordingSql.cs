using System.Data.Common;
using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>Recordings and their stage rows as the ingestion hot path reads and writes them.</summary>
internal static class RecordingSql
{
    private const string Find = """
        SELECT "Id", "CallId", "ProviderCallId", "Status", "ProviderStatus", "ProviderErrorCode", "Source", "Track",
            "MediaUrl", "ProviderChannels", "ProviderDurationSeconds", "StartedAt", "LastError", "CreatedAt"
        FROM "Recordings" WHERE "Provider" = @provider AND "ProviderRecordingId" = @providerRecordingId
        """;

    private const string Insert = """
        INSERT INTO "Recordings" ("Id", "CallId", "Provider", "ProviderRecordingId", "Origin", "ProviderCallId", "Status",
            "ProviderStatus", "ProviderErrorCode", "Source", "Track", "MediaUrl", "ProviderChannels", "ProviderDurationSeconds",
            "StartedAt", "MatchMethod", "MatchDetail", "MatchAttempts", "LastError", "CreatedAt", "UpdatedAt")
        VALUES (@id, @callId, @provider, @providerRecordingId, @origin, @providerCallId, @status,
            @providerStatus, @providerErrorCode, @source, @track, @mediaUrl, @providerChannels, @providerDurationSeconds,
            @startedAt, @matchMethod, @matchDetail, @matchAttempts, @lastError, @createdAt, @updatedAt)
        """;

    private const string InsertStage = """
        INSERT INTO "RecordingStages" ("RecordingId", "Stage", "Status", "Attempts", "LastError", "UpdatedAt")
        VALUES (@recordingId, @stage, @status, @attempts, @lastError, @updatedAt)
        """;

    private const string Update = """
        UPDATE "Recordings" SET "Status" = @status, "ProviderStatus" = @providerStatus, "ProviderErrorCode" = @providerErrorCode,
            "Source" = @source, "Track" = @track, "MediaUrl" = @mediaUrl, "ProviderChannels" = @providerChannels,
            "ProviderDurationSeconds" = @providerDurationSeconds, "StartedAt" = @startedAt, "LastError" = @lastError,
            "UpdatedAt" = @updatedAt
        WHERE "Id" = @id
        """;

    private const string SkipPending = """
        UPDATE "RecordingStages" SET "Status" = @skipped, "LastError" = @reason, "UpdatedAt" = @updatedAt
        WHERE "RecordingId" = @recordingId AND "Status" = @pending
        """;

    public static Recording? FindRecording(IngestSql sql, string provider, string providerRecordingId)
    {
        var command = sql.Command(Find);
        command.Set("@provider", provider);
        command.Set("@providerRecordingId", providerRecordingId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new Recording
        {
            Id = SqlValue.Guid(reader, 0),
            CallId = SqlValue.NullableGuid(reader, 1),
            Provider = provider,
            ProviderRecordingId = providerRecordingId,
            ProviderCallId = SqlValue.String(reader, 2),
            Status = Enum.Parse<RecordingStatus>(reader.GetString(3)),
            ProviderStatus = SqlValue.String(reader, 4),
            ProviderErrorCode = SqlValue.String(reader, 5),
            Source = SqlValue.String(reader, 6),
            Track = SqlValue.String(reader, 7),
            MediaUrl = SqlValue.String(reader, 8),
            ProviderChannels = SqlValue.Int(reader, 9),
            ProviderDurationSeconds = SqlValue.Double(reader, 10),
            StartedAt = SqlValue.Date(reader, 11),
            LastError = SqlValue.String(reader, 12),
            CreatedAt = SqlValue.Date(reader, 13)!.Value,
        };
    }

    /// <summary>A new recording with its stage rows.</summary>
    public static void InsertRecording(IngestSql sql, Recording recording)
    {
        var command = sql.Command(Insert);
        command.Set("@callId", SqlValue.Of(recording.CallId));
        command.Set("@provider", recording.Provider);
        command.Set("@providerRecordingId", recording.ProviderRecordingId);
        command.Set("@origin", recording.Origin);
        command.Set("@providerCallId", SqlValue.Of(recording.ProviderCallId));
        command.Set("@matchMethod", SqlValue.Of(recording.MatchMethod));
        command.Set("@matchDetail", SqlValue.Of(recording.MatchDetail));
        command.Set("@matchAttempts", SqlValue.Of(recording.MatchAttempts));
        command.Set("@createdAt", SqlValue.Of(recording.CreatedAt));
        SetState(command, recording);
        command.ExecuteNonQuery();

        var stage = sql.Command(InsertStage);
        foreach (var row in recording.Stages)
        {
            stage.Set("@recordingId", SqlValue.Of(row.RecordingId));
            stage.Set("@stage", row.Stage.ToString());
            stage.Set("@status", row.Status.ToString());
            stage.Set("@attempts", row.Attempts);
            stage.Set("@lastError", SqlValue.Of(row.LastError));
            stage.Set("@updatedAt", SqlValue.Of(row.UpdatedAt));
            stage.ExecuteNonQuery();
        }
    }

    /// <summary>Writes the provider-facing fields and status of an existing recording.</summary>
    public static void UpdateRecording(IngestSql sql, Recording recording)
    {
        var command = sql.Command(Update);
        SetState(command, recording);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Recording {recording.Id} disappeared while an event was applied to it.");
        }
    }

    /// <summary>Marks the stages still pending as skipped, with the reason.</summary>
    public static void SkipPendingStages(IngestSql sql, Guid recordingId, string reason, DateTime now)
    {
        var command = sql.Command(SkipPending);
        command.Set("@recordingId", SqlValue.Of(recordingId));
        command.Set("@skipped", nameof(StageStatus.Skipped));
        command.Set("@pending", nameof(StageStatus.Pending));
        command.Set("@reason", reason);
        command.Set("@updatedAt", SqlValue.Of(now));
        command.ExecuteNonQuery();
    }

    private static void SetState(DbCommand command, Recording recording)
    {
        command.Set("@id", SqlValue.Of(recording.Id));
        command.Set("@status", recording.Status.ToString());
        command.Set("@providerStatus", SqlValue.Of(recording.ProviderStatus));
        command.Set("@providerErrorCode", SqlValue.Of(recording.ProviderErrorCode));
        command.Set("@source", SqlValue.Of(recording.Source));
        command.Set("@track", SqlValue.Of(recording.Track));
        command.Set("@mediaUrl", SqlValue.Of(recording.MediaUrl));
        command.Set("@providerChannels", SqlValue.Of(recording.ProviderChannels));
        command.Set("@providerDurationSeconds", SqlValue.Of(recording.ProviderDurationSeconds));
        command.Set("@startedAt", SqlValue.Of(recording.StartedAt));
        command.Set("@lastError", SqlValue.Of(recording.LastError));
        command.Set("@updatedAt", SqlValue.Of(recording.UpdatedAt));
    }
}
