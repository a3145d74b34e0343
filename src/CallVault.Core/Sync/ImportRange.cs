using System.Globalization;

namespace CallVault.Core.Sync;

/// <summary>A validated import request: a provider CallVault can list and an inclusive range of UTC days.</summary>
public sealed record ImportRange(string Provider, DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;
    private static readonly string[] Providers = ["twilio"];

    /// <summary>Null and a one-line reason when the request is not one CallVault can run.</summary>
    public static ImportRange? TryCreate(string? provider, string? from, string? to, out string error)
    {
        error = string.Empty;
        var name = provider?.Trim().ToLowerInvariant();
        if (name is null || !Providers.Contains(name))
        {
            error = $"provider must be one of: {string.Join(", ", Providers)}.";
            return null;
        }

        if (!TryDate(from, out var first))
        {
            error = "from must be a date (YYYY-MM-DD).";
            return null;
        }

        if (!TryDate(to, out var last))
        {
            error = "to must be a date (YYYY-MM-DD).";
            return null;
        }

        if (last < first)
        {
            error = "to must not be before from.";
            return null;
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            error = $"a range covers at most {MaxDays} days; split it into several imports.";
            return null;
        }

        return new ImportRange(name, first, last);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
