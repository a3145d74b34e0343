namespace CallVault.Infrastructure.Transcription;

/// <summary>One 16 kHz mono WAV file made for a speech engine: a recording's channel (1-based), or null for mono audio.</summary>
internal sealed record SpeechTrack(int? Channel, string Path);
