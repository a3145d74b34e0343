using System.Globalization;
using CallVault.Simulator.Internal;

namespace CallVault.Simulator;

/// <summary>
/// Real speech for demos and transcription tests: <c>espeak-ng</c> speaks the text and <c>sox</c> converts it to
/// 8 kHz 16-bit PCM WAV. Stereo puts the speech on channel 1 and the same speech 0.8 s later on channel 2.
/// </summary>
public static class SpeechAudio
{
    public const string SpeechTool = "espeak-ng";
    public const string ConvertTool = "sox";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The tools (of espeak-ng and sox) not found on PATH.</summary>
    public static IReadOnlyList<string> MissingTools() =>
        new[] { SpeechTool, ConvertTool }.Where(t => ProcessRunner.FindOnPath(t) is null).ToArray();

    /// <summary>
    /// Writes the spoken <paramref name="text"/> to <paramref name="outputPath"/> and returns its full path, or null when
    /// espeak-ng or sox is not on PATH. A tool that is present but fails throws.
    /// </summary>
    public static async Task<string?> TrySynthesizeAsync(string text, int channels, string outputPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        if (channels is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Channels must be 1 or 2.");
        }

        var espeak = ProcessRunner.FindOnPath(SpeechTool);
        var sox = ProcessRunner.FindOnPath(ConvertTool);
        if (espeak is null || sox is null)
        {
            return null;
        }

        var fullPath = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var work = Directory.CreateTempSubdirectory("callvault-speech-");
        try
        {
            var textFile = Path.Combine(work.FullName, "text.txt");
            var spoken = Path.Combine(work.FullName, "spoken.wav");
            await File.WriteAllTextAsync(textFile, text, cancellationToken).ConfigureAwait(false);
            await RunCheckedAsync(espeak, ["-v", "en-us", "-s", "150", "-f", textFile, "-w", spoken], cancellationToken).ConfigureAwait(false);

            List<string> convert = ["-V1", "-D", spoken, "-b", "16", "-e", "signed-integer", "-t", "wav", fullPath];
            convert.AddRange(channels == 2 ? ["remix", "1", "1", "delay", "0", "0.8"] : ["remix", "1"]);
            convert.AddRange(["rate", GeneratedRate]);
            await RunCheckedAsync(sox, convert, cancellationToken).ConfigureAwait(false);
            return fullPath;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string GeneratedRate => Audio.GeneratedWavStream.SampleRate.ToString(CultureInfo.InvariantCulture);

    private static async Task RunCheckedAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(tool)} exited with code {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }
}
