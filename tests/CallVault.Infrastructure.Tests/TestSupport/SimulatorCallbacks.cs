using CallVault.Core.Twilio;
using CallVault.Simulator;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>Callbacks as the simulator would post them, parsed by CallVault's own parser.</summary>
internal static class SimulatorCallbacks
{
    /// <summary>The recording status callback for <paramref name="recording"/>; <paramref name="overrides"/> replace or add fields.</summary>
    public static (TwilioRecordingCallback Callback, string RawBody) Recording(
        TwilioSimulator simulator, SimulatedRecording recording, string status = "completed", IDictionary<string, string>? overrides = null)
    {
        var fields = TwilioCallbackSender.RecordingStatusFields(recording, status, simulator.AccountSid)
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        Assert.True(TwilioRecordingCallback.TryParse(fields, out var callback, out var error), error);
        return (callback!, Encode(fields));
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
