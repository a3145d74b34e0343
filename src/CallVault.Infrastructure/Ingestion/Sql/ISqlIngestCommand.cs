namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// An inbound event that writes through prepared SQL on the writer's connection and transaction
/// instead of EF Core: the hot webhook paths. Runs inside the writer's per-event savepoint.
/// </summary>
internal interface ISqlIngestCommand
{
    IngestResult Apply(IngestSql sql, DateTime now);
}
