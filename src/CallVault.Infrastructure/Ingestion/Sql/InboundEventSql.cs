namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>The raw event row; the unique dedupe key decides in the same statement whether it is new.</summary>
internal static class InboundEventSql
{
    private const string Insert = """
        INSERT INTO "InboundEvents" ("Provider", "Kind", "DedupeKey", "ContentType", "Body", "ReceivedAt")
        VALUES (@provider, @kind, @dedupeKey, @contentType, @body, @receivedAt)
        ON CONFLICT ("DedupeKey") DO NOTHING
        """;

    /// <summary>Writes the event; false when an event with <paramref name="dedupeKey"/> was already written (nothing changed).</summary>
    public static bool TryInsert(IngestSql sql, string provider, string kind, string dedupeKey, string contentType, string body, DateTime now)
    {
        var command = sql.Command(Insert);
        command.Set("@provider", provider);
        command.Set("@kind", kind);
        command.Set("@dedupeKey", dedupeKey);
        command.Set("@contentType", contentType);
        command.Set("@body", body);
        command.Set("@receivedAt", SqlValue.Of(now));
        return command.ExecuteNonQuery() == 1;
    }
}
