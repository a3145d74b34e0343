namespace CallVault.Infrastructure.Summaries;

/// <summary>The values of <c>CallVault:Summary:Engine</c>, also stored as a summary's <c>engine</c>.</summary>
public static class SummaryEngines
{
    public const string None = "none";
    public const string Extractive = "extractive";
    public const string OpenAi = "openai";

    public static readonly string[] All = [None, Extractive, OpenAi];
}
