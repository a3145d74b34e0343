using CallVault.Simulator;

namespace CallVault.Bench.Load;

/// <summary>
/// Call-status callbacks built and signed before any timing: one distinct CallSid each (a <c>completed</c>
/// event of a fresh call), body bytes and <c>X-Twilio-Signature</c> ready to send. Grown only between runs.
/// </summary>
internal sealed class PresignedCallbacks(TwilioSimulator simulator, Uri signedUrl)
{
    public const string CallStatus = "completed";
    public const int SequenceNumber = 3;

    private readonly TwilioCallbackSender _signer = new(new HttpClient(), simulator.AuthToken);
    private readonly List<byte[]> _bodies = [];
    private readonly List<string> _signatures = [];
    private readonly List<string> _callSids = [];

    public int Count => _bodies.Count;

    public long BodyBytes { get; private set; }

    public byte[] Body(int index) => _bodies[index];

    public string Signature(int index) => _signatures[index];

    /// <summary>The <c>InboundEvents.DedupeKey</c> CallVault writes for callback <paramref name="index"/>.</summary>
    public string DedupeKey(int index) => $"twilio:call-status:{_callSids[index]}:{CallStatus}:{SequenceNumber}";

    public void Grow(int count)
    {
        if (count <= 0)
        {
            return;
        }

        var legs = new SimulatedLeg[count];
        for (var i = 0; i < count; i++)
        {
            legs[i] = simulator.CreateCall(new CallSpec { DurationSeconds = 42 }).Parent;
        }

        var timestamp = DateTimeOffset.UtcNow;
        var bodies = new byte[count][];
        var signatures = new string[count];
        Parallel.For(0, count, i =>
        {
            var fields = TwilioCallbackSender.CallStatusFields(legs[i], CallStatus, SequenceNumber, timestamp);
            bodies[i] = FormEncoding.Encode(fields);
            signatures[i] = _signer.Sign(signedUrl, fields);
        });

        _bodies.AddRange(bodies);
        _signatures.AddRange(signatures);
        _callSids.AddRange(legs.Select(l => l.Sid));
        BodyBytes += bodies.Sum(b => (long)b.Length);
    }

    /// <summary>Makes sure at least <paramref name="remaining"/> callbacks after <paramref name="used"/> are ready.</summary>
    public void EnsureRemaining(int used, int remaining) => Grow(used + remaining - Count);
}
