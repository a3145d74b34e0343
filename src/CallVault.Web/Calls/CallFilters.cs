using CallVault.Core.Calls;
using CallVault.Core.Phones;
using CallVault.Core.Recordings;

namespace CallVault.Web.Calls;

/// <summary>
/// The filters of <c>GET /api/calls</c> other than <c>q</c>, the same for the newest-first list and for search.
/// <paramref name="Status"/> is the call's own status; <paramref name="RecordingStatus"/> one of <see cref="RecordingStates"/>.
/// </summary>
internal sealed record CallFilters(string? Phone, DateTime? From, DateTime? To, string? Direction, string? Status, string? RecordingStatus = null)
{
    public IQueryable<Call> Apply(IQueryable<Call> query, IQueryable<Recording> recordings)
    {
        if (PhoneNumber.Normalize(Phone) is { } number)
        {
            query = query.Where(c => c.From == number || c.To == number);
        }

        if (From is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(c => c.StartedAt >= utc);
        }

        if (To is { } until)
        {
            var utc = until.ToUniversalTime();
            query = query.Where(c => c.StartedAt < utc);
        }

        if (!string.IsNullOrEmpty(Direction))
        {
            query = query.Where(c => c.Direction == Direction);
        }

        if (!string.IsNullOrEmpty(Status))
        {
            query = query.Where(c => c.Status == Status);
        }

        if (!string.IsNullOrEmpty(RecordingStatus))
        {
            query = RecordingStates.Filter(query, recordings, RecordingStatus);
        }

        return query;
    }
}
