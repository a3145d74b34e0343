namespace CallVault.Infrastructure.Waveforms;

/// <summary>
/// Peaks of a recording for drawing: per channel, the loudest sample of each bucket of
/// <see cref="SecondsPerPeak"/> seconds, scaled 0..100.
/// </summary>
public sealed record Waveform(int Channels, double SecondsPerPeak, double DurationSeconds, IReadOnlyList<IReadOnlyList<int>> Peaks);
