using CallVault.Core.Calls;
using CallVault.Core.Recordings;

namespace CallVault.Web.Calls;

/// <summary>
/// <c>GET /api/calls?recordingStatus=</c>: calls by where their recording is, as people ask for it. A call with
/// several recordings is listed under each state one of them is in.
/// </summary>
internal static class RecordingStates
{
    /// <summary>Some recording's audio is safe in storage.</summary>
    public const string Stored = "stored";

    /// <summary>Some recording is still awaited from the provider or going through the pipeline.</summary>
    public const string Processing = "processing";

    /// <summary>Some recording failed, or one of its stages did (waiting for a retry).</summary>
    public const string Failed = "failed";

    /// <summary>No audio: no recording came, the provider made none (absent), or retention deleted it.</summary>
    public const string None = "none";

    public static readonly string[] All = [Stored, Processing, Failed, None];

    public static bool IsKnown(string? value) => value is null || All.Contains(value, StringComparer.Ordinal);

    public static IQueryable<Call> Filter(IQueryable<Call> calls, IQueryable<Recording> recordings, string state) => state switch
    {
        Stored => calls.Where(c => recordings.Any(r => r.CallId == c.Id && r.Status == RecordingStatus.Stored)),
        Processing => calls.Where(c => recordings.Any(r => r.CallId == c.Id
            && (r.Status == RecordingStatus.Awaiting || r.Status == RecordingStatus.Processing))),
        Failed => calls.Where(c => recordings.Any(r => r.CallId == c.Id
            && (r.Status == RecordingStatus.Failed || r.Stages.Any(s => s.Status == StageStatus.Failed)))),
        None => calls.Where(c => !recordings.Any(r => r.CallId == c.Id
            && (r.Status == RecordingStatus.Stored || r.Status == RecordingStatus.Processing
                || r.Status == RecordingStatus.Awaiting || r.Status == RecordingStatus.Failed))),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a recording state."),
    };
}
