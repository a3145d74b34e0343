namespace CallVault.Bench.Load;

/// <summary>
/// Hands out indexes into <see cref="PresignedCallbacks"/>: each once (<see cref="Distinct"/>, for CallVault, which must
/// store every one) or round and round (<see cref="Cycling"/>, for the bare endpoint, which stores nothing).
/// </summary>
internal sealed class RequestSource
{
    private readonly PresignedCallbacks _pool;
    private readonly bool _cycle;
    private int _next;

    private RequestSource(PresignedCallbacks pool, bool cycle)
    {
        _pool = pool;
        _cycle = cycle;
    }

    /// <summary>How many indexes were handed out (for a distinct source: the next unused one).</summary>
    public int Used => Math.Min(Volatile.Read(ref _next), _cycle ? int.MaxValue : _pool.Count);

    public static RequestSource Distinct(PresignedCallbacks pool) => new(pool, cycle: false);

    public static RequestSource Cycling(PresignedCallbacks pool) => new(pool, cycle: true);

    public bool TryNext(out int index)
    {
        var n = Interlocked.Increment(ref _next) - 1;
        if (_cycle)
        {
            index = (int)((uint)n % (uint)_pool.Count);
            return true;
        }

        index = n;
        return n < _pool.Count;
    }
}
