using BenchmarkDotNet.Attributes;
using CallVault.Core.Phones;
using CallVault.Core.Twilio;

namespace CallVault.MicroBench;

/// <summary>
/// The pure part of matching a recording to its call: reading the callbacks into typed values (SIDs checked,
/// times parsed, the parent leg noted) and normalising the numbers the time-window fallback compares.
/// The lookups themselves are database queries, measured by the <c>ingest</c> and <c>queries</c> scenarios.
/// </summary>
[MemoryDiagnoser]
public class CallbackParsingBenchmarks
{
    private readonly Dictionary<string, string> _recording = Forms.RecordingCompleted();
    private readonly Dictionary<string, string> _callStatus = Forms.CallStatusCompleted();

    [Benchmark]
    public TwilioRecordingCallback? ParseRecordingCallback() => TwilioRecordingCallback.TryParse(_recording, out var callback, out _) ? callback : null;

    [Benchmark]
    public TwilioCallStatusCallback? ParseCallStatusCallback() => TwilioCallStatusCallback.TryParse(_callStatus, out var callback, out _) ? callback : null;

    [Benchmark]
    public DateTime? ParseTwilioDate() => TwilioDate.Parse("Tue, 01 Dec 2026 13:05:12 +0000");
}
