using System.Globalization;
using CallVault.Core.Pipeline;
using CallVault.Core.Transcripts;
using CallVault.Infrastructure.Media;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Transcription;

/// <summary>
/// Runs the whisper.cpp program on one WAV file (<c>-m MODEL -f WAV -oj -of BASE</c>) through the shared
/// process runner (concurrency limit, timeout, process tree killed) and parses the JSON it writes.
/// </summary>
internal sealed class WhisperCppEngine(ProcessRunner runner, IOptions<TranscriptionOptions> options) : ITranscriptionEngine
{
    private const int MaxOutputChars = 64 * 1024;
    private const long MaxJsonBytes = 64L * 1024 * 1024;

    public string Name => TranscriptionEngines.WhisperCpp;

    public static IReadOnlyList<string> Arguments(WhisperCppOptions whisper, string wavPath, string outputBase)
    {
        List<string> arguments = ["-m", Path.GetFullPath(whisper.Model!), "-f", wavPath, "-l", whisper.Language, "-oj", "-of", outputBase];
        if (whisper.Threads is { } threads)
        {
            arguments.AddRange(["-t", threads.ToString(CultureInfo.InvariantCulture)]);
        }

        return arguments;
    }

    public async Task<EngineResult<IReadOnlyList<TranscriptSegment>>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
    {
        var whisper = options.Value.WhisperCpp;
        var outputBase = $"{wavPath}.whisper";
        var outputJson = $"{outputBase}.json";
        try
        {
            var result = await runner.RunAsync(Path.GetFullPath(whisper.Binary!), Arguments(whisper, wavPath, outputBase), MaxOutputChars,
                TimeSpan.FromSeconds(whisper.TimeoutSeconds), cancellationToken);
            if (result.TimedOut)
            {
                return Fail(new StageResult.Transient($"whisper.cpp did not finish within {whisper.TimeoutSeconds} s"));
            }

            if (result.ExitCode != 0)
            {
                return Fail(new StageResult.Transient($"whisper.cpp failed (exit {result.ExitCode}): {result.FirstErrorLine()}"));
            }

            var info = new FileInfo(outputJson);
            if (!info.Exists)
            {
                return Fail(new StageResult.Transient("whisper.cpp wrote no JSON output (-oj)"));
            }

            if (info.Length > MaxJsonBytes)
            {
                return Fail(new StageResult.Permanent($"whisper.cpp output is larger than {MaxJsonBytes} bytes"));
            }

            var bytes = await File.ReadAllBytesAsync(outputJson, cancellationToken);
            return WhisperCppOutputParser.TryParse(bytes, out var segments, out var error)
                ? EngineResult<IReadOnlyList<TranscriptSegment>>.Ok(segments)
                : Fail(new StageResult.Transient(error));
        }
        finally
        {
            File.Delete(outputJson);
        }
    }

    private static EngineResult<IReadOnlyList<TranscriptSegment>> Fail(StageResult failure) => EngineResult<IReadOnlyList<TranscriptSegment>>.Fail(failure);
}
