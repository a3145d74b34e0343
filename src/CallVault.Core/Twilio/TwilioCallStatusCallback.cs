namespace CallVault.Core.Twilio;

/// <summary>The fields of a Twilio call status callback: one event of one call leg.</summary>
public sealed record TwilioCallStatusCallback(
    string AccountSid,
    string CallSid,
    string? ParentCallSid,
    string CallStatus,
    string? Direction,
    string? From,
    string? To,
    int? DurationSeconds,
    DateTime? Timestamp,
    int? SequenceNumber)
{
    private static readonly HashSet<string> TerminalStatuses =
        ["completed", "busy", "failed", "no-answer", "canceled"];

    public bool IsTerminal => TerminalStatuses.Contains(CallStatus);

    public static bool TryParse(IReadOnlyDictionary<string, string> form, out TwilioCallStatusCallback? callback, out string? error)
    {
        callback = null;
        if (!TwilioFormFields.TryGetSid(form, "AccountSid", TwilioSid.Account, out var account, out error)
            || !TwilioFormFields.TryGetSid(form, "CallSid", TwilioSid.Call, out var call, out error))
        {
            return false;
        }

        string? parent = null;
        if (form.ContainsKey("ParentCallSid") && !TwilioFormFields.TryGetSid(form, "ParentCallSid", TwilioSid.Call, out parent, out error))
        {
            return false;
        }

        var status = form.GetValueOrDefault("CallStatus");
        if (string.IsNullOrWhiteSpace(status) || status.Length > 64)
        {
            error = "CallStatus is missing";
            return false;
        }

        if (!TwilioFormFields.TryGetInt(form, "CallDuration", out var duration, out error)
            || !TwilioFormFields.TryGetInt(form, "SequenceNumber", out var sequence, out error))
        {
            return false;
        }

        callback = new TwilioCallStatusCallback(
            account!, call!, parent, status,
            TwilioFormFields.Limit(form.GetValueOrDefault("Direction")),
            TwilioFormFields.Limit(form.GetValueOrDefault("From")),
            TwilioFormFields.Limit(form.GetValueOrDefault("To")),
            duration,
            TwilioDate.Parse(form.GetValueOrDefault("Timestamp")),
            sequence);
        return true;
    }
}
