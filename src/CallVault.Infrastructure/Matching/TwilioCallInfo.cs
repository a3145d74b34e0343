namespace CallVault.Infrastructure.Matching;

/// <summary>What Twilio's Calls API says about one leg.</summary>
public sealed record TwilioCallInfo(
    string Sid,
    string? ParentCallSid,
    string? From,
    string? To,
    string? Direction,
    string? Status,
    int? DurationSeconds,
    DateTime? StartTime,
    DateTime? EndTime);
