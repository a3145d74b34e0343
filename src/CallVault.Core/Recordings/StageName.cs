namespace CallVault.Core.Recordings;

/// <summary>Pipeline stages in the order they run.</summary>
public enum StageName
{
    Download,
    Validate,
    Transcode,
    Store,
    Transcribe,
    Summarize,
    ProviderDelete,
}
