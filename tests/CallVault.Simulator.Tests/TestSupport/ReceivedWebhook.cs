namespace CallVault.Simulator.Tests.TestSupport;

internal sealed record ReceivedWebhook(string Url, IReadOnlyList<KeyValuePair<string, string>> Fields, string Signature, string UserAgent)
{
    public string? Field(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();
}
