using System.Globalization;

namespace CallVault.Simulator.Api;

/// <summary>A single <c>Range: bytes=…</c> request resolved against a length. Multiple ranges are not supported (served whole).</summary>
internal readonly record struct ByteRange(long Start, long Length)
{
    /// <summary>Null when there is no usable single range (serve 200); <paramref name="unsatisfiable"/> for 416.</summary>
    public static ByteRange? Parse(string? header, long total, out bool unsatisfiable)
    {
        unsatisfiable = false;
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = header[6..].Trim();
        if (spec.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryLong(last, out var suffix) || suffix == 0 || total == 0)
            {
                unsatisfiable = true;
                return null;
            }

            var length = Math.Min(suffix, total);
            return new ByteRange(total - length, length);
        }

        if (!TryLong(first, out var start) || (last.Length > 0 && !TryLong(last, out _)))
        {
            return null;
        }

        if (start >= total)
        {
            unsatisfiable = true;
            return null;
        }

        var end = last.Length == 0 ? total - 1 : Math.Min(long.Parse(last, CultureInfo.InvariantCulture), total - 1);
        if (end < start)
        {
            return null;
        }

        return new ByteRange(start, end - start + 1);
    }

    private static bool TryLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
