using System.Globalization;
using System.Text;
using CallVault.Bench.Measurement;

namespace CallVault.Bench.Reporting;

/// <summary>Renders results as the markdown written to <c>bench/results/latest.md</c>.</summary>
internal static class MarkdownReport
{
    public static string Document(string command, IReadOnlyList<string> args, MachineInfo machine, IReadOnlyList<ScenarioReport> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("# CallVault benchmark results").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/CallVault.Bench -- {string.Join(' ', args)}`").AppendLine();
        text.AppendLine("| Machine | |").AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Date (UTC) | {machine.Date:yyyy-MM-dd HH:mm} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| CPU | {machine.Cpu}, {machine.Cores} logical cores |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| RAM | {Format.Bytes(machine.RamBytes)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| OS | {machine.Os} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| .NET | {machine.DotNet} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Load average (1 / 5 / 15 min), start → end | {machine.LoadAtStart} → {machine.LoadAtEnd} |").AppendLine();
        if (machine.Shared)
        {
            text.AppendLine($"**Other work was running on this machine during the run** (load average above its {machine.Cores} cores): "
                + "latencies and throughputs include waiting for a core, and ratios measured side by side are the fairer reading.").AppendLine();
        }

        text.AppendLine("| Scenario | Verdict |").AppendLine("|---|---|");
        foreach (var report in reports)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {report.Name} | {report.Verdict} |");
        }

        text.AppendLine();
        foreach (var report in reports)
        {
            text.AppendLine(Scenario(report));
        }

        return text.ToString();
    }

    public static string Scenario(ScenarioReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {report.Name}: {report.Verdict}").AppendLine();
        text.AppendLine(report.Summary).AppendLine();
        if (report.Error is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Error: `{report.Error}`").AppendLine();
        }

        if (report.Metrics.Count > 0)
        {
            text.AppendLine("| Metric | Value | Target | Result |").AppendLine("|---|---:|---|---|");
            foreach (var m in report.Metrics)
            {
                var result = m.Pass switch { true => "PASS", false => "FAIL", null => "" };
                text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Value} | {m.Target ?? ""} | {result} |");
            }

            text.AppendLine();
        }

        foreach (var note in report.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }
}
