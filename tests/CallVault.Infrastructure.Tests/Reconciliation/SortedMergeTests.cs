using CallVault.Infrastructure.Reconciliation;

namespace CallVault.Infrastructure.Tests.Reconciliation;

public sealed class SortedMergeTests
{
    private static async IAsyncEnumerable<string> Items(params string[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "a", "c", "e" }, new[] { "b", "d" })]
    [InlineData(new[] { "a" }, new[] { "B", "b", "z" })]
    [InlineData(new string[0], new[] { "x", "y" })]
    [InlineData(new[] { "recordings/2026/03/01/aa.opus", "recordings/2026/03/02/ff.wav" }, new[] { "recordings/2026/03/01/aa.wav" })]
    public async Task MergeAsync_TwoSortedStreams_OneOrdinalOrderedStream(string[] first, string[] second)
    {
        var merged = new List<string>();
        await foreach (var item in SortedMerge.MergeAsync(Items(first), Items(second), k => k))
        {
            merged.Add(item);
        }

        Assert.Equal([.. first.Concat(second).Order(StringComparer.Ordinal)], merged);
    }
}
