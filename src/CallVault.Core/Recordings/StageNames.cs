namespace CallVault.Core.Recordings;

public static class StageNames
{
    /// <summary>A stage by its API name (<c>providerDelete</c>, any case); numbers are not names.</summary>
    public static bool TryParse(string? text, out StageName stage) =>
        Enum.TryParse(text, ignoreCase: true, out stage) && !int.TryParse(text, out _);
}
