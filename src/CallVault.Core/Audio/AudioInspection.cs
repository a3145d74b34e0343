namespace CallVault.Core.Audio;

/// <summary>The outcome of inspecting a recording file: valid audio with its facts, or why not.</summary>
public abstract record AudioInspection
{
    private AudioInspection()
    {
    }

    /// <summary>The file is a well-formed WAV or MP3 file.</summary>
    public sealed record Valid(AudioInfo Info) : AudioInspection;

    /// <summary>The file is not usable audio; <paramref name="Reason"/> says why.</summary>
    public sealed record Invalid(string Reason) : AudioInspection;
}
