namespace CallVault.Infrastructure.Sync;

public static class ImportJob
{
    /// <summary>Runs an import from its checkpoint to the last page of the provider's list.</summary>
    public const string Kind = "import.run";
}
