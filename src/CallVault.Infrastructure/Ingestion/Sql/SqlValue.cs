using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// Values in the forms each database's EF Core provider writes and reads, so rows written here and
/// rows written through EF are interchangeable. <c>Of</c> keeps the CLR value; <see cref="Set"/>
/// turns it into SQLite's text forms (Guid as upper-case text, DateTime as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> UTC, bool as 0/1) or hands it to PostgreSQL as it is
/// (uuid, timestamptz, boolean). Enums go by name on both.
/// </summary>
internal static class SqlValue
{
    private const string DateFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static object Of(string? value) => value is null ? DBNull.Value : value;

    public static object Of(Guid value) => value;

    public static object Of(Guid? value) => value is { } v ? v : DBNull.Value;

    public static object Of(DateTime value) => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime();

    public static object Of(DateTime? value) => value is { } v ? Of(v) : DBNull.Value;

    public static object Of(int? value) => value is { } v ? v : DBNull.Value;

    public static object Of(double? value) => value is { } v ? v : DBNull.Value;

    public static object Of(bool value) => value;

    public static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Guid Guid(DbDataReader reader, int ordinal) => reader.GetFieldType(ordinal) == typeof(Guid)
        ? reader.GetGuid(ordinal)
        : System.Guid.Parse(reader.GetString(ordinal));

    public static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Guid(reader, ordinal);

    public static int? Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static double? Double(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static DateTime? Date(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var value = reader.GetFieldType(ordinal) == typeof(DateTime)
            ? reader.GetDateTime(ordinal)
            : DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None);
        return DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }

    public static void Set(this DbCommand command, string name, object value) =>
        command.Parameters[name].Value = command is SqliteCommand ? ForSqlite(value) : value;

    private static object ForSqlite(object value) => value switch
    {
        System.Guid g => g.ToString("D").ToUpperInvariant(),
        DateTime d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        _ => value,
    };
}
