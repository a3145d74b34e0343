using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CallVault.Bench.Measurement;
using CallVault.Core.Twilio;
using CallVault.Simulator;

namespace CallVault.Bench.Load;

/// <summary>
/// Posts pre-signed callbacks over HTTP/1.1 keep-alive. Closed loop: N connections, each sending its next request
/// when the previous answered (saturation). Open loop: a constant arrival rate whatever the answers do, latency
/// measured from each request's scheduled time (no coordinated omission).
/// </summary>
internal sealed class WebhookLoad : IDisposable
{
    private readonly HttpClient _http;
    private readonly PresignedCallbacks _pool;
    private readonly Uri _url;

    public WebhookLoad(PresignedCallbacks pool, Uri url, int connections)
    {
        _pool = pool;
        _url = url;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public async Task<LoadResult> RunClosedAsync(RequestSource source, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var run = new RunState();
        var startedUtc = DateTime.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var exhausted = false;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var acked = new List<int>(4096);
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                if (!source.TryNext(out var index))
                {
                    exhausted = true;
                    break;
                }

                var sent = Stopwatch.GetTimestamp();
                var status = await SendAsync(index, run, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (status is >= 200 and < 300)
                {
                    acked.Add(index);
                }
            }

            run.Merge(latencies, acked);
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return run.Result(Stopwatch.GetElapsedTime(start), exhausted, startedUtc);
    }

    public async Task<LoadResult> RunOpenAsync(RequestSource source, double requestsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var run = new RunState();
        var total = (int)(requestsPerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var acked = new ConcurrentBag<int>();
        var inFlight = new List<Task>(total);
        var exhausted = false;
        var startedUtc = DateTime.UtcNow;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / requestsPerSecond);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
            }

            if (!source.TryNext(out var index))
            {
                exhausted = true;
                total = i;
                break;
            }

            var slot = i;
            inFlight.Add(Task.Run(async () =>
            {
                var status = await SendAsync(index, run, cancellationToken);
                latencies[slot] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                if (status is >= 200 and < 300)
                {
                    acked.Add(index);
                }
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        run.Merge(latencies.Take(total), acked);
        return run.Result(Stopwatch.GetElapsedTime(start), exhausted, startedUtc);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The HTTP status, or 0 when the request failed without one.</summary>
    private async Task<int> SendAsync(int index, RunState run, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(_pool.Body(index)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation(TwilioSignature.HeaderName, _pool.Signature(index));
        request.Headers.TryAddWithoutValidation("User-Agent", TwilioCallbackSender.UserAgent);
        int status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            run.Fail($"{ex.GetType().Name}: {ex.Message}");
            return 0;
        }

        if (status is >= 200 and < 300)
        {
            run.Succeed();
        }
        else
        {
            run.Fail($"HTTP {status}");
        }

        return status;
    }

    /// <summary>Counters shared by the workers of one run.</summary>
    private sealed class RunState
    {
        private readonly Lock _gate = new();
        private readonly List<double> _latencies = [];
        private readonly List<int> _acked = [];
        private int _succeeded;
        private int _errors;
        private string? _firstError;

        public void Succeed() => Interlocked.Increment(ref _succeeded);

        public void Fail(string error)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, error, null);
        }

        public void Merge(IEnumerable<double> latencies, IEnumerable<int> acked)
        {
            lock (_gate)
            {
                _latencies.AddRange(latencies);
                _acked.AddRange(acked);
            }
        }

        public LoadResult Result(TimeSpan elapsed, bool exhausted, DateTime startedUtc) =>
            new(_succeeded + _errors, _succeeded, _errors, elapsed, new LatencyStats(_latencies), _acked, exhausted, _firstError, startedUtc, DateTime.UtcNow);
    }
}
