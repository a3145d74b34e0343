using System.ComponentModel.DataAnnotations;

namespace CallVault.Infrastructure.Sync;

public sealed class ImportOptions
{
    public const string Section = "CallVault:Imports";

    /// <summary>Recordings asked for per list page (Twilio allows up to 1000).</summary>
    [Range(1, 1000, ErrorMessage = "CallVault:Imports:PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 1000;

    /// <summary>Recordings of a page written at once (the ingestion writer batches them into one transaction).</summary>
    [Range(1, 64, ErrorMessage = "CallVault:Imports:Concurrency must be between 1 and 64.")]
    public int Concurrency { get; set; } = 8;
}
