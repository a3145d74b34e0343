using System.Globalization;

namespace CallVault.Infrastructure.Reconciliation;

/// <summary>
/// How old an object is, from its key's date path (<c>recordings/yyyy/MM/dd/…</c>: the day its recording
/// was created, UTC) — the stores list no last-modified time, and the object cannot predate that day.
/// </summary>
internal static class ObjectAge
{
    public static TimeSpan? Of(string key, DateTime now)
    {
        // "recordings/" is 11 characters; the date is the next 10.
        const int start = 11;
        if (key.Length < start + 10 || !key.StartsWith(Storage.StorageKeys.Root, StringComparison.Ordinal))
        {
            return null;
        }

        return DateTime.TryParseExact(key.AsSpan(start, 10), "yyyy/MM/dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            ? now - day
            : null;
    }

    /// <summary>The first key prefix of each month from <paramref name="first"/> through <paramref name="last"/>.</summary>
    public static IEnumerable<(string From, string To)> MonthPrefixes(DateOnly first, DateOnly last)
    {
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{Storage.StorageKeys.Root}{month:yyyy}/{month:MM}/");

            // '~' sorts after every character a key may hold: [prefix, prefix~) is the month.
            yield return (prefix, prefix + "~");
        }
    }
}
