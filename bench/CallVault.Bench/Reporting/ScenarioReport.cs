namespace CallVault.Bench.Reporting;

/// <summary>One scenario's measurements, the targets they are held to, and notes for the reader.</summary>
internal sealed class ScenarioReport(string name, string summary)
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public List<Metric> Metrics { get; } = [];

    public List<string> Notes { get; } = [];

    public string? Error { get; private init; }

    /// <summary>PASS when every target is met, FAIL otherwise; ERROR when the scenario did not finish.</summary>
    public string Verdict => Error is not null ? "ERROR" : Metrics.All(m => m.Pass is not false) ? "PASS" : "FAIL";

    public static ScenarioReport Errored(string name, Exception exception) =>
        new(name, "did not finish") { Error = $"{exception.GetType().Name}: {exception.Message}" };

    public ScenarioReport Add(string metric, string value, string? target = null, bool? pass = null)
    {
        Metrics.Add(new Metric(metric, value, target, pass));
        return this;
    }
}
