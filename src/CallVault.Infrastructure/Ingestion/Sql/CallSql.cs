using CallVault.Core.Calls;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>Calls as the ingestion hot path writes them.</summary>
internal static class CallSql
{
    private const string InsertSql = """
        INSERT INTO "Calls" ("Id", "Provider", "ProviderCallId", "Direction", "From", "To", "Status", "StartedAt",
            "EndedAt", "DurationSeconds", "RecordingMissing", "CreatedAt", "UpdatedAt")
        VALUES (@id, @provider, @providerCallId, @direction, @from, @to, @status, @startedAt,
            @endedAt, @durationSeconds, @recordingMissing, @createdAt, @updatedAt)
        """;

    private const string UpdateFromFirstLegSql = """
        UPDATE "Calls" SET "Status" = @status, "Direction" = @direction, "From" = @from, "To" = @to,
            "StartedAt" = @startedAt, "EndedAt" = @endedAt, "DurationSeconds" = @durationSeconds, "UpdatedAt" = @updatedAt
        WHERE "Id" = @id
        """;

    private const string ClearRecordingMissingSql = """
        UPDATE "Calls" SET "RecordingMissing" = FALSE WHERE "Id" = @id AND "RecordingMissing"
        """;

    public static void Insert(IngestSql sql, Call call)
    {
        var command = sql.Command(InsertSql);
        command.Set("@id", SqlValue.Of(call.Id));
        command.Set("@provider", call.Provider);
        command.Set("@providerCallId", call.ProviderCallId);
        SetStatus(command, call);
        command.Set("@recordingMissing", SqlValue.Of(call.RecordingMissing));
        command.Set("@createdAt", SqlValue.Of(call.CreatedAt));
        command.ExecuteNonQuery();
    }

    /// <summary>Writes what a call takes from its first leg (status, direction, numbers, times).</summary>
    public static void UpdateFromFirstLeg(IngestSql sql, Call call)
    {
        var command = sql.Command(UpdateFromFirstLegSql);
        command.Set("@id", SqlValue.Of(call.Id));
        SetStatus(command, call);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Call {call.Id} disappeared while an event was applied to it.");
        }
    }

    public static void ClearRecordingMissing(IngestSql sql, Guid callId)
    {
        var command = sql.Command(ClearRecordingMissingSql);
        command.Set("@id", SqlValue.Of(callId));
        command.ExecuteNonQuery();
    }

    private static void SetStatus(System.Data.Common.DbCommand command, Call call)
    {
        command.Set("@direction", SqlValue.Of(call.Direction));
        command.Set("@from", SqlValue.Of(call.From));
        command.Set("@to", SqlValue.Of(call.To));
        command.Set("@status", SqlValue.Of(call.Status));
        command.Set("@startedAt", SqlValue.Of(call.StartedAt));
        command.Set("@endedAt", SqlValue.Of(call.EndedAt));
        command.Set("@durationSeconds", SqlValue.Of(call.DurationSeconds));
        command.Set("@updatedAt", SqlValue.Of(call.UpdatedAt));
    }
}
