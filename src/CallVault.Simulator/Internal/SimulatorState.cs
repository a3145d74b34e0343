using System.Collections.Concurrent;
using CallVault.Core.Twilio;

namespace CallVault.Simulator.Internal;

/// <summary>Everything the simulator holds: accounts, legs and recordings. Shared by the endpoints and the public facade.</summary>
internal sealed class SimulatorState
{
    public const string ApiVersion = "2010-04-01";

    private readonly ConcurrentDictionary<string, SimulatedRecording> _recordings = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SimulatedRecording> _recordingOrder = new();
    private readonly ConcurrentDictionary<string, SimulatedLeg> _legs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedRecording> _apiRecordingsByLeg = new(StringComparer.Ordinal);
    private readonly Lock _apiStartGate = new();
    private readonly SidGenerator _sids;

    public SimulatorState(SimulatorOptions options)
    {
        _sids = new SidGenerator(options.Seed);
        AccountSid = options.AccountSid ?? _sids.Next(TwilioSid.Account);
        AuthToken = options.AuthToken ?? _sids.NextHex(16);
        TimeProvider = options.TimeProvider;
        Faults = new SimulatorFaults(options.Seed);
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    public TimeProvider TimeProvider { get; }

    public SimulatorFaults Faults { get; }

    public SimulatorStats Stats { get; } = new();

    /// <summary>Set once Kestrel has bound its port.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public string AccountPath => $"/{ApiVersion}/Accounts/{AccountSid}";

    public IReadOnlyCollection<SimulatedRecording> Recordings => _recordingOrder.ToArray();

    public IEnumerable<SimulatedLeg> Legs => _legs.Values;

    public SimulatedCall CreateCall(CallSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.DurationSeconds);
        var start = spec.StartTime ?? TimeProvider.GetUtcNow();
        var parent = new SimulatedLeg(_sids.Next(TwilioSid.Call), null, AccountSid, spec.From, spec.To, spec.Direction,
            spec.Status, start, spec.DurationSeconds);
        _legs[parent.Sid] = parent;
        SimulatedLeg? child = null;
        if (spec.WithChildLeg)
        {
            child = new SimulatedLeg(_sids.Next(TwilioSid.Call), parent.Sid, AccountSid, spec.From, spec.ChildTo, "outbound-dial",
                spec.Status, start, spec.DurationSeconds);
            _legs[child.Sid] = child;
        }

        return new SimulatedCall(parent, child);
    }

    public SimulatedRecording AddRecording(RecordingSpec spec) => AddRecording(spec, apiLeg: null, callbackUrl: null, callbackEvents: null);

    public SimulatedRecording? FindRecording(string sid) =>
        _recordings.TryGetValue(sid, out var recording) && !recording.IsDeleted ? recording : null;

    public SimulatedRecording? FindAnyRecording(string sid) => _recordings.GetValueOrDefault(sid);

    public bool IsDeleted(string sid) => _recordings.TryGetValue(sid, out var recording) && recording.IsDeleted;

    public SimulatedLeg? FindLeg(string sid) => _legs.GetValueOrDefault(sid);

    /// <summary>Starts a recording on a live leg; a second start returns the first recording.</summary>
    public (SimulatedRecording Recording, bool Created) StartRecording(SimulatedLeg leg, int channels, string? callbackUrl, string? callbackEvents)
    {
        lock (_apiStartGate)
        {
            if (_apiRecordingsByLeg.TryGetValue(leg.Sid, out var existing) && !existing.IsDeleted)
            {
                return (existing, false);
            }

            var spec = new RecordingSpec
            {
                CallSid = leg.Sid,
                Channels = channels,
                DurationSeconds = leg.DurationSeconds,
                Source = "StartCallRecordingAPI",
                StartTime = TimeProvider.GetUtcNow(),
            };
            var recording = AddRecording(spec, leg, callbackUrl, callbackEvents);
            _apiRecordingsByLeg[leg.Sid] = recording;
            return (recording, true);
        }
    }

    public Uri MediaUrlFor(string recordingSid) => new(BaseUrl, $"{AccountPath}/Recordings/{recordingSid}");

    private SimulatedRecording AddRecording(RecordingSpec spec, SimulatedLeg? apiLeg, string? callbackUrl, string? callbackEvents)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Channels is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Channels, "Channels must be 1 or 2.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(spec.DurationSeconds);
        ArgumentException.ThrowIfNullOrEmpty(spec.CallSid);
        if (spec.AudioFile is not null && !File.Exists(spec.AudioFile))
        {
            throw new FileNotFoundException("The recording's audio file does not exist.", spec.AudioFile);
        }

        if (spec.Sid is not null && !TwilioSid.IsValid(spec.Sid, TwilioSid.Recording))
        {
            throw new ArgumentException("Sid must be 'RE' followed by 32 hexadecimal digits.", nameof(spec));
        }

        var sid = spec.Sid ?? _sids.Next(TwilioSid.Recording);
        var start = spec.StartTime ?? TimeProvider.GetUtcNow();
        var recording = new SimulatedRecording(sid, AccountSid, spec, start, MediaUrlFor(sid), apiLeg)
        {
            StatusCallbackUrl = callbackUrl,
            StatusCallbackEvents = callbackEvents,
        };
        if (!_recordings.TryAdd(sid, recording))
        {
            throw new InvalidOperationException($"A recording with SID {sid} already exists.");
        }

        _recordingOrder.Enqueue(recording);
        return recording;
    }
}
