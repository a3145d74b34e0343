using System.Data.Common;

namespace CallVault.Infrastructure.Persistence;

/// <summary>
/// Runs every statement of a command's text and lets the first failure surface. Microsoft.Data.Sqlite's
/// <c>ExecuteNonQuery</c> stops at the first statement that answers with a row (a PRAGMA that sets a
/// value answers with it) and runs the rest while its reader is disposed, where their errors are
/// swallowed: a setting or a migration step after such a statement could fail unseen.
/// </summary>
internal static class StatementBatch
{
    public static void ExecuteAll(this DbCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }

    public static async Task ExecuteAllAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.NextResultAsync(cancellationToken))
        {
        }
    }
}
