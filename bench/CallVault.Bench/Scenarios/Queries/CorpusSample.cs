using System.Text.Json;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// What the query benchmark draws its requests from: calls that exist, the callers' pool and its popularity,
/// the time span, and what was generated. Saved beside a kept database so a later run can query it again.
/// </summary>
internal sealed class CorpusSample(string[] phones, DateTime first, DateTime last)
{
    private readonly ZipfSampler _popularity = new(phones.Length);

    public string[] Phones { get; } = phones;

    public List<(Guid Id, DateTime StartedAt)> Calls { get; init; } = [];

    public DateTime First { get; } = first;

    public DateTime Last { get; } = last;

    public CallCorpus.Counts? Counts { get; set; }

    /// <summary>What the report should say about how this data came to be (not saved).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A caller's number, busy callers more often (people look up the callers they hear from).</summary>
    public string Phone(Random random) => Phones[_popularity.Next(random)];

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

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(new Saved(
        Phones, First, Last, [.. Calls.Select(c => c.Id)], [.. Calls.Select(c => c.StartedAt)], Counts!)));

    public static CorpusSample Load(string path)
    {
        var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
        return new CorpusSample(saved.Phones, saved.First, saved.Last)
        {
            Calls = [.. saved.CallIds.Zip(saved.CallStarts, (id, at) => (id, DateTime.SpecifyKind(at, DateTimeKind.Utc)))],
            Counts = saved.Counts,
        };
    }

    private sealed record Saved(string[] Phones, DateTime First, DateTime Last, Guid[] CallIds, DateTime[] CallStarts, CallCorpus.Counts Counts);
}
