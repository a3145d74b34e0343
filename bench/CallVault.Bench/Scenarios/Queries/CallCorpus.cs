using System.Diagnostics;
using System.Globalization;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// Fills a migrated CallVault database (SQLite or PostgreSQL) with <c>calls</c> calls over <c>days</c> days, newest ending
/// at <c>end</c>: callers from a Zipf-like pool, both directions, log-normal durations, legs (a dialled child
/// leg on half the answered inbound calls), a recording per answered call (mostly stored, some failed or
/// absent, a few missing), its seven stages, and a transcript and summary per stored recording. Rows go
/// to an <see cref="ICorpusSink"/> in batches of <see cref="Batch"/> calls (SQLite: prepared statements; PostgreSQL:
/// COPY), through the product's tables, so its triggers and generated columns fill the full-text index.
/// </summary>
internal sealed class CallCorpus
{
    private const int Batch = 20_000;
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";
    private static readonly string[] BusinessLines = ["+18005550100", "+18005550101", "+18005550102", "+18005550103"];

    private readonly Random _random;
    private readonly WordModel _words = new();
    private readonly string[] _phones;
    private readonly ZipfSampler _popularity;

    public CallCorpus(int calls, int seed)
    {
        _random = new Random(seed);
        _phones = CallerPool(Math.Max(1000, calls / 5), _random);
        _popularity = new ZipfSampler(_phones.Length);
    }

    public const string SampleFile = "corpus.json";

    public sealed record Counts(int Calls, int Legs, int Recordings, int Stored, int Transcripts, TimeSpan Elapsed);

    public (Counts Counts, CorpusSample Sample) Write(ICorpusSink writer, string sampleFolder, int calls, int days, DateTime end, Action<int>? progress = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var first = end.AddDays(-days);
        var sample = new CorpusSample(_phones, first, end);
        int legs = 0, recordings = 0, stored = 0, transcripts = 0;
        var slot = TimeSpan.FromTicks((end - first).Ticks / calls);
        for (var start = 0; start < calls; start += Batch)
        {
            writer.BeginBatch();
            for (var i = start; i < Math.Min(calls, start + Batch); i++)
            {
                var startedAt = first + (slot * i) + TimeSpan.FromMilliseconds(_random.Next((int)Math.Max(1, slot.TotalMilliseconds)));
                var call = NextCall(startedAt);
                sample.Offer(_random, i + 1, call.Id, call.StartedAt);
                legs += WriteCall(writer, call);
                if (call.Recording is { } recording)
                {
                    recordings++;
                    stored += recording.Status == "Stored" ? 1 : 0;
                    transcripts += recording.Transcript is null ? 0 : 1;
                    WriteRecording(writer, call, recording);
                }
            }

            writer.CommitBatch();
            progress?.Invoke(Math.Min(calls, start + Batch));
        }

        writer.Finish();
        sample.Counts = new Counts(calls, legs, recordings, stored, transcripts, stopwatch.Elapsed);
        sample.Save(Path.Combine(sampleFolder, SampleFile));
        return (sample.Counts, sample);
    }

    private SyntheticCall NextCall(DateTime startedAt)
    {
        var rank = _popularity.Next(_random);
        var customer = _phones[rank];
        var business = BusinessLines[_random.Next(BusinessLines.Length)];
        var inbound = _random.NextDouble() < 0.62;
        var roll = _random.NextDouble();
        var status = roll switch { < 0.86 => "completed", < 0.92 => "no-answer", < 0.95 => "busy", < 0.97 => "failed", _ => "canceled" };
        var answered = status == "completed";
        var duration = answered ? (int)Math.Clamp(Math.Exp(Math.Log(150) + (0.9 * Gaussian())), 3, 4 * 3600) : 0;
        var call = new SyntheticCall(Guid.NewGuid(), "CA" + Hex(), inbound ? "inbound" : "outbound-api", inbound ? customer : business, inbound ? business : customer,
            status, startedAt, duration, inbound && answered && _random.NextDouble() < 0.5 ? $"client:agent{_random.Next(40):00}" : null);
        if (!answered)
        {
            return call;
        }

        if (_random.NextDouble() < 0.02)
        {
            return call with { RecordingMissing = true };
        }

        var recordingRoll = _random.NextDouble();
        var recordingStatus = recordingRoll switch { < 0.95 => "Stored", < 0.98 => "Failed", _ => "Absent" };
        string? transcript = null, summary = null;
        if (recordingStatus == "Stored")
        {
            var caller = WordModel.CallerName(rank);
            transcript = _words.Transcript(_random, Math.Clamp((int)(duration * 2.2), 12, 400), caller);
            summary = WordModel.Summary(_random, caller, transcript.Contains("refund", StringComparison.Ordinal));
        }

        return call with { Recording = new SyntheticRecording(Guid.NewGuid(), "RE" + Hex(), recordingStatus, transcript, summary) };
    }

    private static int WriteCall(ICorpusSink w, SyntheticCall c)
    {
        var at = Time(c.StartedAt);
        var ended = c.Status == "completed" ? Time(c.StartedAt.AddSeconds(c.DurationSeconds)) : at;
        var id = Id(c.Id);
        w.Calls.Run(id, "twilio", c.ProviderCallId, c.Direction, c.From, c.To, c.Status, at, ended, c.DurationSeconds, c.RecordingMissing ? 1 : 0, at, ended);
        w.Legs.Run(Id(Guid.NewGuid()), id, "twilio", c.ProviderCallId, null, c.Direction, c.From, c.To, c.Status, c.DurationSeconds, at, ended, at, ended);
        if (c.Agent is null)
        {
            return 1;
        }

        w.Legs.Run(Id(Guid.NewGuid()), id, "twilio", "CA" + Hex(), c.ProviderCallId, "outbound-dial", c.From, c.Agent, c.Status, c.DurationSeconds, at, ended, at, ended);
        return 2;
    }

    private void WriteRecording(ICorpusSink w, SyntheticCall c, SyntheticRecording r)
    {
        var created = c.StartedAt.AddSeconds(c.DurationSeconds + 2);
        var done = created.AddSeconds(8 + (c.DurationSeconds / 60.0));
        var storedRow = r.Status == "Stored";
        var failed = r.Status == "Failed";
        var id = Id(r.Id);
        var match = c.Agent is not null && _random.NextDouble() < 0.3 ? "parentCallSid" : "callSid";
        w.Recordings.Run(id, Id(c.Id), "twilio", r.ProviderRecordingId, c.ProviderCallId, r.Status, r.Status == "Absent" ? "absent" : "completed",
            2, (double)c.DurationSeconds, Time(c.StartedAt),
            storedRow ? 2 : null, storedRow ? c.DurationSeconds - 0.4 : null, storedRow ? "opus" : null, storedRow ? 1200L + (c.DurationSeconds * 3000L) : null,
            storedRow ? Hex() + Hex() : null, storedRow ? string.Create(CultureInfo.InvariantCulture, $"recordings/{created:yyyy}/{created:MM}/{created:dd}/{r.Id:N}.opus") : null,
            match, match == "callSid" ? $"CallSid {c.ProviderCallId}" : "ParentCallSid of the dialled leg",
            storedRow ? "provider" : null, r.Transcript, storedRow ? "extractive" : null, r.Summary,
            failed ? "download: the provider answered 404 after 8 attempts" : null, Time(created), Time(done), storedRow ? Time(done) : null);
        var at = Time(done);
        foreach (var stage in Stages)
        {
            var (status, attempts, error) = r.Status switch
            {
                "Stored" => (stage == "ProviderDelete" ? "Skipped" : "Completed", stage == "ProviderDelete" ? 0 : 1, (string?)null),
                "Failed" => stage == "Download" ? ("Failed", 8, "the provider answered 404") : ("Pending", 0, null),
                _ => ("Skipped", 0, null),
            };
            w.Stages.Run(id, stage, status, attempts, error, at);
        }
    }

    private static readonly string[] Stages = ["Download", "Validate", "Transcode", "Store", "Transcribe", "Summarize", "ProviderDelete"];

    private double Gaussian() => Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble())) * Math.Cos(2.0 * Math.PI * _random.NextDouble());

    private static string Hex() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    private static string Id(Guid id) => id.ToString().ToUpperInvariant();

    private static string Time(DateTime at) => at.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static string[] CallerPool(int size, Random random)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        while (numbers.Count < size)
        {
            numbers.Add(string.Create(CultureInfo.InvariantCulture, $"+1{random.Next(201, 990)}{random.Next(200, 1000)}{random.Next(0, 10000):0000}"));
        }

        return [.. numbers];
    }
}
