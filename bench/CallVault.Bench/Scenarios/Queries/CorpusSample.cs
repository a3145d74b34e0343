namespace CallVault.Bench.Scenarios.Queries;

/// <summary>What the query benchmark draws its requests from: calls that exist, the callers' pool and its popularity, the time span.</summary>
internal sealed class CorpusSample(string[] phones, ZipfSampler popularity, DateTime first, DateTime last)
{
    public List<(Guid Id, DateTime StartedAt)> Calls { get; } = [];

    public DateTime First { get; } = first;

    public DateTime Last { get; } = last;

    /// <summary>A caller's number, busy callers more often (people look up the callers they hear from).</summary>
    public string Phone(Random random) => phones[popularity.Next(random)];

    /// <summary>Keeps a uniform sample of the calls written (reservoir sampling).</summary>
    public void Offer(Random random, long seen, Guid id, DateTime startedAt, int capacity = 4096)
    {
        if (Calls.Count < capacity)
        {
            Calls.Add((id, startedAt));
        }
        else if (random.NextInt64(seen) is var slot && slot < capacity)
        {
            Calls[(int)slot] = (id, startedAt);
        }
    }
}
