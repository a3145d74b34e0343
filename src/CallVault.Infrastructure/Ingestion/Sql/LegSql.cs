using System.Data.Common;
using CallVault.Core.Calls;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>Call legs as the ingestion hot path reads and writes them (one indexed lookup each).</summary>
internal static class LegSql
{
    private const string Find = """
        SELECT l."Id", l."CallId", l."ParentProviderCallId", l."Direction", l."From", l."To", l."Status",
            l."LastSequenceNumber", l."DurationSeconds", l."StartedAt", l."EndedAt", l."CreatedAt", l."UpdatedAt",
            c."ProviderCallId", c."StartedAt"
        FROM "CallLegs" AS l LEFT JOIN "Calls" AS c ON c."Id" = l."CallId"
        WHERE l."Provider" = @provider AND l."ProviderCallId" = @providerCallId
        """;

    private const string FindChild = """
        SELECT "CallId", "ProviderCallId" FROM "CallLegs"
        WHERE "Provider" = @provider AND "ParentProviderCallId" = @parentProviderCallId
        LIMIT 1
        """;

    private const string Insert = """
        INSERT INTO "CallLegs" ("Id", "CallId", "Provider", "ProviderCallId", "ParentProviderCallId", "Direction", "From", "To",
            "Status", "LastSequenceNumber", "DurationSeconds", "StartedAt", "EndedAt", "CreatedAt", "UpdatedAt")
        VALUES (@id, @callId, @provider, @providerCallId, @parentProviderCallId, @direction, @from, @to,
            @status, @lastSequenceNumber, @durationSeconds, @startedAt, @endedAt, @createdAt, @updatedAt)
        """;

    private const string Update = """
        UPDATE "CallLegs" SET "Direction" = @direction, "From" = @from, "To" = @to, "Status" = @status,
            "LastSequenceNumber" = @lastSequenceNumber, "DurationSeconds" = @durationSeconds, "StartedAt" = @startedAt,
            "EndedAt" = @endedAt, "UpdatedAt" = @updatedAt
        WHERE "Id" = @id
        """;

    public static LegRow? FindLeg(IngestSql sql, string provider, string providerCallId)
    {
        var command = sql.Command(Find);
        command.Set("@provider", provider);
        command.Set("@providerCallId", providerCallId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var leg = new CallLeg
        {
            Id = SqlValue.Guid(reader, 0),
            CallId = SqlValue.Guid(reader, 1),
            Provider = provider,
            ProviderCallId = providerCallId,
            ParentProviderCallId = SqlValue.String(reader, 2),
            Direction = SqlValue.String(reader, 3),
            From = SqlValue.String(reader, 4),
            To = SqlValue.String(reader, 5),
            Status = SqlValue.String(reader, 6),
            LastSequenceNumber = SqlValue.Int(reader, 7),
            DurationSeconds = SqlValue.Int(reader, 8),
            StartedAt = SqlValue.Date(reader, 9),
            EndedAt = SqlValue.Date(reader, 10),
            CreatedAt = SqlValue.Date(reader, 11)!.Value,
            UpdatedAt = SqlValue.Date(reader, 12)!.Value,
        };
        if (reader.IsDBNull(13))
        {
            throw new InvalidOperationException($"Leg {providerCallId} points at a missing call.");
        }

        return new LegRow(leg, reader.GetString(13), SqlValue.Date(reader, 14)!.Value);
    }

    /// <summary>Some known leg whose parent is <paramref name="parentProviderCallId"/>: its call and its own id.</summary>
    public static (Guid CallId, string ProviderCallId)? FindChildOf(IngestSql sql, string provider, string parentProviderCallId)
    {
        var command = sql.Command(FindChild);
        command.Set("@provider", provider);
        command.Set("@parentProviderCallId", parentProviderCallId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (SqlValue.Guid(reader, 0), reader.GetString(1)) : null;
    }

    public static void InsertLeg(IngestSql sql, CallLeg leg)
    {
        var command = sql.Command(Insert);
        command.Set("@callId", SqlValue.Of(leg.CallId));
        command.Set("@provider", leg.Provider);
        command.Set("@providerCallId", leg.ProviderCallId);
        command.Set("@parentProviderCallId", SqlValue.Of(leg.ParentProviderCallId));
        command.Set("@createdAt", SqlValue.Of(leg.CreatedAt));
        SetState(command, leg);
        command.ExecuteNonQuery();
    }

    public static void UpdateLeg(IngestSql sql, CallLeg leg)
    {
        var command = sql.Command(Update);
        SetState(command, leg);
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Leg {leg.ProviderCallId} disappeared while an event was applied to it.");
        }
    }

    private static void SetState(DbCommand command, CallLeg leg)
    {
        command.Set("@id", SqlValue.Of(leg.Id));
        command.Set("@direction", SqlValue.Of(leg.Direction));
        command.Set("@from", SqlValue.Of(leg.From));
        command.Set("@to", SqlValue.Of(leg.To));
        command.Set("@status", SqlValue.Of(leg.Status));
        command.Set("@lastSequenceNumber", SqlValue.Of(leg.LastSequenceNumber));
        command.Set("@durationSeconds", SqlValue.Of(leg.DurationSeconds));
        command.Set("@startedAt", SqlValue.Of(leg.StartedAt));
        command.Set("@endedAt", SqlValue.Of(leg.EndedAt));
        command.Set("@updatedAt", SqlValue.Of(leg.UpdatedAt));
    }
}
