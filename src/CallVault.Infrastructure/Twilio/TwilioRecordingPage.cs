namespace CallVault.Infrastructure.Twilio;

/// <summary>One page of the Recordings list and where the next one is (null on the last page).</summary>
public sealed record TwilioRecordingPage(IReadOnlyList<TwilioRecordingInfo> Recordings, string? NextPageUri);
