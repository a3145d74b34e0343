using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CallVault.Bench.Hosting;

/// <summary>This benchmark re-executed as <c>serve-for-bench</c>: a server in its own process, measured alone.</summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastErrors = new();

    private ChildServer(Process process) => _process = process;

    public int Pid => _process.Id;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// When set (<c>--child-output FILE</c>), everything children print is appended there; raise their log levels
    /// through the environment, e.g. <c>env 'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information'</c>.
    /// </summary>
    public static string? OutputFile { get; set; }

    /// <summary>Starts the child and waits until it prints its address.</summary>
    public static async Task<ChildServer> StartAsync(string kind, IReadOnlyDictionary<string, string?> settings, bool serverGc, string urls, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(info.FileName) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        }

        info.ArgumentList.Add(ServeForBench.Command);
        info.ArgumentList.Add("--kind");
        info.ArgumentList.Add(kind);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(urls);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        info.Environment.TryAdd("Logging__LogLevel__Default", "Warning");

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the child server.");
        var child = new ChildServer(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            child.Forward(e.Data);
            if (e.Data is { } line && line.StartsWith(ServeForBench.ListeningPrefix, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(line[ServeForBench.ListeningPrefix.Length..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            child.Forward(e.Data);
            child.KeepError(e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The {kind} child exited with code {process.ExitCode} during start-up: {child.LastErrors()}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            child.BaseUrl = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>A loopback port free right now, for a server whose URL must be known before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string LastErrors()
    {
        lock (_lastErrors)
        {
            return string.Join(Environment.NewLine, _lastErrors);
        }
    }

    /// <summary>Closes stdin (a graceful stop), then kills the child if it has not exited within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private void Forward(string? line)
    {
        if (line is not null && OutputFile is { } file)
        {
            lock (_lastErrors)
            {
                File.AppendAllLines(file, [line]);
            }
        }
    }

    private void KeepError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastErrors)
        {
            _lastErrors.Enqueue(line);
            while (_lastErrors.Count > 40)
            {
                _lastErrors.Dequeue();
            }
        }
    }
}
