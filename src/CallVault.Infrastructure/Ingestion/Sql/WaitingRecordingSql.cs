using CallVault.Core.Recordings;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// Recordings that arrived before any event of their leg, placed on the call once the leg is known:
/// one indexed <c>UPDATE</c> (see <c>IX_Recordings_Waiting</c>) instead of a query and a save.
/// </summary>
internal static class WaitingRecordingSql
{
    private const string Attach = """
        UPDATE "Recordings" SET "CallId" = @callId, "MatchMethod" = @matchMethod, "MatchDetail" = @matchDetail,
            "MatchAttempts" = ltrim(COALESCE("MatchAttempts", '') || @attemptLine, @newline)
        WHERE "CallId" IS NULL AND "Provider" = @provider AND "ProviderCallId" = @providerCallId
        """;

    /// <summary>Attaches the waiting recordings of <paramref name="providerCallId"/> to the call; how many there were.</summary>
    public static int AttachToCall(IngestSql sql, string provider, string providerCallId, Guid callId)
    {
        var detail = $"leg {providerCallId} became known from its status callback";
        var command = sql.Command(Attach);
        command.Set("@callId", SqlValue.Of(callId));
        command.Set("@matchMethod", MatchMethod.CallSid);
        command.Set("@matchDetail", detail);
        command.Set("@attemptLine", $"\n{MatchMethod.CallSid}: {detail}");
        command.Set("@newline", "\n");
        command.Set("@provider", provider);
        command.Set("@providerCallId", providerCallId);
        return command.ExecuteNonQuery();
    }
}
