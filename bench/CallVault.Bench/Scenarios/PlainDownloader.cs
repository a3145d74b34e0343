using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CallVault.Bench.Scenarios;

/// <summary>The floor for the pipeline: the same media fetched with a plain HttpClient to disk, hashed while streaming.</summary>
internal sealed class PlainDownloader : IDisposable
{
    private const int BufferSize = 128 * 1024;
    private readonly HttpClient _http;

    public PlainDownloader(string accountSid, string authToken, int parallelism)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { Timeout = TimeSpan.FromMinutes(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));
    }

    /// <summary>Downloads to <paramref name="path"/> and returns the lowercase hex SHA-256 of the bytes.</summary>
    public async Task<string> DownloadAsync(Uri url, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => _http.Dispose();
}
