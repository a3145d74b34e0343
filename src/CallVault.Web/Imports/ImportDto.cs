using CallVault.Core.Sync;

namespace CallVault.Web.Imports;

internal sealed record ImportDto(
    Guid Id,
    string Provider,
    DateOnly From,
    DateOnly To,
    ImportStatus Status,
    int Found,
    int Imported,
    int Skipped,
    int Failed,
    int Pages,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string? LastError,
    string? RequestedBy)
{
    public static ImportDto FromEntity(Import i) =>
        new(i.Id, i.Provider, i.From, i.To, i.Status, i.Found, i.Imported, i.Skipped, i.Failed, i.Pages, i.StartedAt, i.FinishedAt, i.LastError, i.RequestedBy);
}
