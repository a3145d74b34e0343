namespace CallVault.Infrastructure.Transcription;

/// <summary>The whisper.cpp command-line program (<c>whisper-cli</c>, formerly <c>main</c>) and its model file.</summary>
public sealed class WhisperCppOptions
{
    public string? Binary { get; set; }

    /// <summary>A ggml model file, e.g. <c>ggml-base.en.bin</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Spoken language (<c>en</c>, <c>de</c>, …) or <c>auto</c>.</summary>
    public string Language { get; set; } = "auto";

    /// <summary>Threads per run; unset leaves whisper.cpp's default.</summary>
    public int? Threads { get; set; }

    /// <summary>One run (one channel) is killed after this long.</summary>
    public int TimeoutSeconds { get; set; } = 3600;
}
