namespace CallVault.Core.Audio;

/// <summary>What the header (and, for MP3, the frame walk) says about a recording file.</summary>
/// <param name="Format">WAV or MP3.</param>
/// <param name="Codec">ffmpeg-style codec name, e.g. <c>pcm_s16le</c>, <c>pcm_mulaw</c>, <c>mp3</c>.</param>
/// <param name="Channels">Number of channels.</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="BitsPerSample">Bits per sample for WAV; 0 for compressed formats.</param>
/// <param name="DurationSeconds">Duration of the audio actually present in the file.</param>
/// <param name="AudioDataBytes">Bytes of audio: the WAV data chunk, or the MP3 frames.</param>
public sealed record AudioInfo(
    AudioFormat Format,
    string Codec,
    int Channels,
    int SampleRate,
    int BitsPerSample,
    double DurationSeconds,
    long AudioDataBytes);
