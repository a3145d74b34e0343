using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CallVault.Bench.Hosting;

namespace CallVault.Bench.Scenarios;

/// <summary>CallVault's recordings API as the admin sees it.</summary>
internal sealed class RecordingApi : IDisposable
{
    private readonly HttpClient _http;

    public RecordingApi(Uri baseUrl)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CallVaultSettings.AdminKey);
    }

    public async Task<RecordingSnapshot?> FindAsync(string providerRecordingId, CancellationToken cancellationToken)
    {
        var page = await GetPageAsync($"/api/recordings?providerRecordingId={Uri.EscapeDataString(providerRecordingId)}", cancellationToken);
        return page.Items.FirstOrDefault();
    }

    /// <summary>Every recording (all pages), optionally of one status.</summary>
    public async Task<List<RecordingSnapshot>> ListAllAsync(string? status, CancellationToken cancellationToken)
    {
        var all = new List<RecordingSnapshot>();
        string? cursor = null;
        do
        {
            var query = "/api/recordings?limit=200" + (status is null ? "" : "&status=" + status) + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await GetPageAsync(query, cancellationToken);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>
    /// Polls until no recording is still in progress (one row asked for per poll: listing every recording each time
    /// cost the server more than a recording's own bookkeeping), then lists all of them once; at least
    /// <paramref name="expected"/> must be there, all final.
    /// </summary>
    public async Task<List<RecordingSnapshot>> WaitUntilAllFinalAsync(int expected, TimeSpan poll, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (!await AnyWithStatusAsync("processing", cancellationToken) && !await AnyWithStatusAsync("awaiting", cancellationToken))
            {
                var all = await ListAllAsync(status: null, cancellationToken);
                if (all.Count >= expected && all.All(r => r.IsFinal))
                {
                    return all;
                }
            }

            if (deadline.Elapsed > timeout)
            {
                var all = await ListAllAsync(status: null, cancellationToken);
                throw new TimeoutException($"{all.Count(r => r.IsFinal)} of {expected} recordings final after {timeout}.");
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>Polls until the recording is stored, failed or absent.</summary>
    public async Task<RecordingSnapshot> WaitUntilFinalAsync(string providerRecordingId, TimeSpan poll, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        RecordingSnapshot? last = null;
        try
        {
            while (true)
            {
                last = await FindAsync(providerRecordingId, deadline.Token);
                if (last is { IsFinal: true })
                {
                    return last;
                }

                await Task.Delay(poll, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Recording {providerRecordingId} was not final after {timeout} (last status: {last?.Status ?? "unknown"}, {last?.LastError}).");
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<bool> AnyWithStatusAsync(string status, CancellationToken cancellationToken) =>
        (await GetPageAsync("/api/recordings?limit=1&status=" + status, cancellationToken)).Items.Count > 0;

    private async Task<(List<RecordingSnapshot> Items, string? NextCursor)> GetPageAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = json.RootElement;
        var items = root.GetProperty("items").EnumerateArray().Select(Snapshot).ToList();
        var next = root.TryGetProperty("nextCursor", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return (items, next);
    }

    private static RecordingSnapshot Snapshot(JsonElement e) => new(
        e.GetProperty("providerRecordingId").GetString()!,
        e.GetProperty("status").GetString()!,
        StringOrNull(e, "sha256"),
        e.TryGetProperty("sizeBytes", out var size) && size.ValueKind == JsonValueKind.Number ? size.GetInt64() : null,
        StringOrNull(e, "lastError"),
        e.TryGetProperty("storedAt", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTime() : null,
        StringOrNull(e, "format"));

    private static string? StringOrNull(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
