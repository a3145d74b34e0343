using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CallVault.Infrastructure.Ingestion.Sql;

/// <summary>
/// Values in the same text forms EF Core's SQLite provider writes and reads (Guid as upper-case
/// text, DateTime as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> UTC, enums by name, bool as 0/1), so rows
/// written here and rows written through EF are interchangeable.
/// </summary>
internal static class SqlValue
{
    private const string DateFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static object Of(string? value) => value is null ? DBNull.Value : value;

    public static object Of(Guid value) => value.ToString("D").ToUpperInvariant();

    public static object Of(Guid? value) => value is { } v ? Of(v) : DBNull.Value;

    public static object Of(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString(DateFormat, CultureInfo.InvariantCulture);

    public static object Of(DateTime? value) => value is { } v ? Of(v) : DBNull.Value;

    public static object Of(int? value) => value is { } v ? v : DBNull.Value;

    public static object Of(double? value) => value is { } v ? v : DBNull.Value;

    public static object Of(bool value) => value ? 1L : 0L;

    public static string? String(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static Guid Guid(SqliteDataReader reader, int ordinal) => System.Guid.Parse(reader.GetString(ordinal));

    public static Guid? NullableGuid(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Guid(reader, ordinal);

    public static int? Int(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static double? Double(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public static DateTime? Date(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal)
        ? null
        : DateTime.SpecifyKind(DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);

    public static void Set(this SqliteCommand command, string name, object value) => command.Parameters[name].Value = value;
}
