namespace CallVault.Web.Recordings;

internal static class ContentTypes
{
    public static string For(string? format) => format switch
    {
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "opus" => "audio/ogg",
        _ => "application/octet-stream",
    };
}
