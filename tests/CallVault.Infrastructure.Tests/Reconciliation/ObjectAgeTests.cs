using CallVault.Core.Reconciliation;
using CallVault.Infrastructure.Reconciliation;

namespace CallVault.Infrastructure.Tests.Reconciliation;

public sealed class ObjectAgeTests
{
    [Fact]
    public void Of_WellFormedKey_AgeFromItsDatePath()
    {
        var now = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

        var age = ObjectAge.Of("recordings/2026/03/08/0123456789abcdef0123456789abcdef.wav", now);

        Assert.Equal(TimeSpan.FromHours(60), age);
    }

    [Theory]
    [InlineData("recordings/2026/13/08/x.wav")]
    [InlineData("other/2026/03/08/x.wav")]
    [InlineData("recordings/")]
    public void Of_NoDatePath_Null(string key) => Assert.Null(ObjectAge.Of(key, DateTime.UnixEpoch));

    [Fact]
    public void MonthPrefixes_AcrossAYear_EveryMonthOnceWithAnUpperBoundAfterItsKeys()
    {
        var months = ObjectAge.MonthPrefixes(new DateOnly(2025, 11, 20), new DateOnly(2026, 2, 1)).ToList();

        Assert.Equal(["recordings/2025/11/", "recordings/2025/12/", "recordings/2026/01/", "recordings/2026/02/"], months.Select(m => m.From));
        Assert.All(months, m => Assert.True(string.CompareOrdinal(m.From + "31/ffffffffffffffffffffffffffffffff.opus", m.To) < 0));
    }

    [Theory]
    [InlineData(-1, 20, false)]
    [InlineData(0, 20, true)]
    [InlineData(604_800, null, true)]
    [InlineData(604_800, -1, false)]
    public void Request_Validate_GraceAndSampleBounds(long grace, int? sample, bool valid) =>
        Assert.Equal(valid, new ReconciliationRequest(ReconciliationRepair.None, false, grace, sample).Validate() is null);
}
