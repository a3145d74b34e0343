using CallVault.Core.Sync;

namespace CallVault.Infrastructure.Tests.Sync;

public sealed class ImportRangeTests
{
    [Theory]
    [InlineData("twilio", "2026-01-01", "2026-02-01")]
    [InlineData("Twilio", "2026-01-01", "2026-01-01")]
    [InlineData("twilio", "2025-01-01", "2026-01-01")] // 366 days, the most allowed
    public void TryCreate_ValidRequest_InclusiveRange(string provider, string from, string to)
    {
        var range = ImportRange.TryCreate(provider, from, to, out var error);

        Assert.NotNull(range);
        Assert.Equal(string.Empty, error);
        Assert.Equal("twilio", range.Provider);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
    }

    [Theory]
    [InlineData("vapi", "2026-01-01", "2026-02-01", "provider")]
    [InlineData(null, "2026-01-01", "2026-02-01", "provider")]
    [InlineData("twilio", "2026-02-30", "2026-03-01", "from")]
    [InlineData("twilio", "01/02/2026", "2026-03-01", "from")]
    [InlineData("twilio", "2026-01-01", null, "to")]
    [InlineData("twilio", "2026-02-01", "2026-01-31", "before")]
    [InlineData("twilio", "2025-01-01", "2026-01-02", "366")]
    public void TryCreate_InvalidRequest_NullWithOneLineReason(string? provider, string? from, string? to, string mentioned)
    {
        var range = ImportRange.TryCreate(provider, from, to, out var error);

        Assert.Null(range);
        Assert.Contains(mentioned, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }
}
