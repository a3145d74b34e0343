namespace CallVault.Simulator.Internal;

/// <summary>Twilio-shaped SIDs (two letters + 32 lowercase hex) from a seeded generator.</summary>
internal sealed class SidGenerator(int seed)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(seed);

    public string Next(string prefix) => prefix + NextHex(16);

    public string NextHex(int bytes)
    {
        var buffer = new byte[bytes];
        lock (_gate)
        {
            _random.NextBytes(buffer);
        }

        return Convert.ToHexStringLower(buffer);
    }
}
