namespace CallVault.Infrastructure.Media;

/// <summary>What ffprobe says about a file's container and its first audio stream.</summary>
/// <param name="FormatName">The container as ffprobe names it (<c>ogg</c>, <c>mp3</c>, <c>wav</c>).</param>
/// <param name="Codec">The audio codec (<c>opus</c>, <c>mp3</c>, <c>pcm_s16le</c>, …).</param>
/// <param name="Channels">Channels of the audio stream.</param>
/// <param name="SampleRate">Samples per second of the audio stream (Opus always reports 48000).</param>
/// <param name="DurationSeconds">The container's duration, else the stream's; null when ffprobe could not tell (e.g. a pipe).</param>
internal sealed record MediaProbe(string FormatName, string Codec, int Channels, int SampleRate, double? DurationSeconds);
