using System.Text.Json;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// A stand-in for the whisper.cpp program: a python3 script that accepts whisper.cpp's arguments
/// (<c>-m MODEL -f WAV -l LANG -oj -of BASE [-t N]</c>), refuses anything else and any audio that is not
/// 16-bit PCM WAV at 16 kHz with one channel (exit 2, like whisper.cpp on a bad file), finds where the
/// speech energy is and writes whisper.cpp's real <c>-oj</c> JSON to <c>BASE.json</c>. Each stretch of
/// speech gets the line of <see cref="Script"/> that starts nearest to it, so what it "hears" depends on
/// what is really on the channel it was given. Every run is logged (arguments and audio format).
/// </summary>
public sealed class WhisperStandIn : IDisposable
{
    private WhisperStandIn(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string Binary => Path.Combine(Directory, "whisper-cli");

    public string Model => Path.Combine(Directory, "ggml-test.bin");

    public string LogPath => Path.Combine(Directory, "runs.jsonl");

    public string ScriptPath => Path.Combine(Directory, "script.json");

    /// <summary>Creates the program, a model file and the script: (start second, text) of every line spoken on any channel.</summary>
    public static WhisperStandIn Create(IEnumerable<(double Start, string Text)> script, int exitCode = 0)
    {
        var standIn = new WhisperStandIn(System.IO.Directory.CreateTempSubdirectory("callvault-whisper-").FullName);
        File.WriteAllText(standIn.Model, "not a real model");
        File.WriteAllText(standIn.ScriptPath, JsonSerializer.Serialize(script.Select(s => new { start = s.Start, text = s.Text })));
        File.WriteAllText(standIn.Binary, Program
            .Replace("@MODEL@", standIn.Model, StringComparison.Ordinal)
            .Replace("@SCRIPT@", standIn.ScriptPath, StringComparison.Ordinal)
            .Replace("@LOG@", standIn.LogPath, StringComparison.Ordinal)
            .Replace("@EXIT@", exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(standIn.Binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return standIn;
    }

    /// <summary>Each run so far: its arguments, and the audio's channels, sample rate and sample width.</summary>
    public IReadOnlyList<JsonElement> Runs() =>
        File.Exists(LogPath) ? [.. File.ReadAllLines(LogPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())] : [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private const string Program = """
        #!/usr/bin/env python3
        import array, json, math, os, sys, wave

        def fail(message):
            sys.stderr.write("error: " + message + "\n")
            sys.exit(2)

        args = sys.argv[1:]
        if @EXIT@ != 0:
            fail("simulated crash of whisper.cpp")
        options, flags, i = {}, set(), 0
        while i < len(args):
            a = args[i]
            if a in ("-m", "-f", "-l", "-of", "-t"):
                if i + 1 >= len(args):
                    fail("missing value for " + a)
                options[a] = args[i + 1]
                i += 2
            elif a == "-oj":
                flags.add(a)
                i += 1
            else:
                fail("unknown argument: " + a)
        for required in ("-m", "-f", "-of"):
            if required not in options:
                fail("missing " + required)
        if "-oj" not in flags:
            fail("expected -oj (JSON output)")
        if os.path.realpath(options["-m"]) != os.path.realpath("@MODEL@"):
            fail("unexpected model " + options["-m"])
        try:
            w = wave.open(options["-f"], "rb")
        except Exception as e:
            fail("failed to read WAV file '" + options["-f"] + "': " + str(e))
        channels, rate, width = w.getnchannels(), w.getframerate(), w.getsampwidth()
        frames = w.readframes(w.getnframes())
        w.close()
        with open("@LOG@", "a") as log:
            log.write(json.dumps({"args": args, "channels": channels, "rate": rate, "width": width}) + "\n")
        if channels != 1 or rate != 16000 or width != 2:
            fail("WAV file must be 16 kHz mono 16-bit, got %d Hz, %d channels, %d bytes per sample" % (rate, channels, width))

        samples = array.array("h")
        samples.frombytes(frames)
        frame = rate // 50
        regions = []
        for start in range(0, len(samples) - frame + 1, frame):
            chunk = samples[start:start + frame]
            rms = math.sqrt(sum(s * s for s in chunk) / frame)
            if rms < 300:
                continue
            t0, t1 = start / rate, (start + frame) / rate
            if regions and t0 - regions[-1][1] < 0.6:
                regions[-1][1] = t1
            else:
                regions.append([t0, t1])
        regions = [r for r in regions if r[1] - r[0] >= 0.15]

        script = json.load(open("@SCRIPT@"))
        def stamp(seconds):
            ms = int(round(seconds * 1000))
            return "%02d:%02d:%02d,%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)
        transcription = []
        for t0, t1 in regions:
            line = min(script, key=lambda s: abs(s["start"] - t0))
            transcription.append({
                "timestamps": {"from": stamp(t0), "to": stamp(t1)},
                "offsets": {"from": int(round(t0 * 1000)), "to": int(round(t1 * 1000))},
                "text": " " + line["text"],
            })
        if not transcription:
            transcription.append({"timestamps": {"from": stamp(0), "to": stamp(len(samples) / rate)},
                                  "offsets": {"from": 0, "to": int(len(samples) * 1000 / rate)}, "text": " [BLANK_AUDIO]"})
        output = {
            "systeminfo": "AVX = 0 | stand-in",
            "model": {"type": "base", "multilingual": False, "vocab": 51864, "audio": {"ctx": 1500, "state": 512, "head": 8, "layer": 6},
                      "text": {"ctx": 448, "state": 512, "head": 8, "layer": 6}, "mels": 80, "ftype": 1},
            "params": {"model": options["-m"], "language": options.get("-l", "en"), "translate": False},
            "result": {"language": "en"},
            "transcription": transcription,
        }
        with open(options["-of"] + ".json", "w") as out:
            json.dump(output, out, indent=2)
        """;
}
