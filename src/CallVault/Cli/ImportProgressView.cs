using System.Diagnostics;
using System.Globalization;
using CallVault.Infrastructure.Sync;

namespace CallVault.Cli;

/// <summary>
/// Receives an import's progress: keeps the latest snapshot for a live bar, and on a non-interactive
/// console writes one plain line per committed page.
/// </summary>
internal sealed class ImportProgressView(bool plainLines) : IProgress<ImportProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ImportProgress? _latest;

    public ImportProgress? Latest => Volatile.Read(ref _latest);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(ImportProgress value)
    {
        Volatile.Write(ref _latest, value);
        if (plainLines && value.PageCommitted)
        {
            Console.WriteLine($"page {value.Pages}: {Describe(value)}");
        }
    }

    /// <summary>Counts and rate, e.g. <c>found 300, imported 287, skipped 13, failed 0 (142/s)</c>.</summary>
    public string Describe(ImportProgress value)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        return string.Create(CultureInfo.InvariantCulture,
            $"found {value.Found}, imported {value.Imported}, skipped {value.Skipped}, failed {value.Failed} ({value.Found / seconds:0}/s)");
    }
}
