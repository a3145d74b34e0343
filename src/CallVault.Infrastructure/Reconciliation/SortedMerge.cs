namespace CallVault.Infrastructure.Reconciliation;

/// <summary>Merges two sequences already in ordinal key order into one, still in order, holding one item of each.</summary>
internal static class SortedMerge
{
    public static async IAsyncEnumerable<T> MergeAsync<T>(IAsyncEnumerable<T> first, IAsyncEnumerable<T> second, Func<T, string> key)
    {
        await using var a = first.GetAsyncEnumerator();
        await using var b = second.GetAsyncEnumerator();
        var hasA = await a.MoveNextAsync();
        var hasB = await b.MoveNextAsync();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || string.CompareOrdinal(key(a.Current), key(b.Current)) <= 0))
            {
                yield return a.Current;
                hasA = await a.MoveNextAsync();
            }
            else
            {
                yield return b.Current;
                hasB = await b.MoveNextAsync();
            }
        }
    }
}
