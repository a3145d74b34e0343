namespace CallVault.Simulator.Api;

/// <summary>Splits a path segment such as <c>RE123.wav</c> into the SID and the lowercase extension ("" when none).</summary>
internal readonly record struct ResourceName(string Sid, string Extension)
{
    public static ResourceName Parse(string? segment)
    {
        segment ??= string.Empty;
        var dot = segment.LastIndexOf('.');
        return dot < 0
            ? new ResourceName(segment, string.Empty)
            : new ResourceName(segment[..dot], segment[(dot + 1)..].ToLowerInvariant());
    }
}
