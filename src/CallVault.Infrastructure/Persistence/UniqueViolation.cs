using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallVault.Infrastructure.Persistence;

/// <summary>Recognises a unique-index violation from either database.</summary>
public static class UniqueViolation
{
    /// <summary>SQLite's constraint error (19) or PostgreSQL's unique_violation (23505).</summary>
    public static bool Is(DbUpdateException exception) => exception.InnerException
        is SqliteException { SqliteErrorCode: 19 }
        or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
