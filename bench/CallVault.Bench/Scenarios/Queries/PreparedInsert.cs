using Microsoft.Data.Sqlite;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>One prepared INSERT with positional parameters, re-executed for every row of a bulk load.</summary>
internal sealed class PreparedInsert : IRowSink, IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})""";
        _parameters = [.. columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null)))];
    }

    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public void Run(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
