namespace CallVault.Simulator.Audio;

/// <summary>A stable per-recording seed (FNV-1a over the SID): string.GetHashCode is randomised per process.</summary>
internal static class AudioSeed
{
    public static ulong FromSid(string sid)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in sid)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
