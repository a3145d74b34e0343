using System.Security.Cryptography;
using CallVault.Core.Audio;
using CallVault.Infrastructure.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>
/// A tiny media host on 127.0.0.1 standing in for Vapi's recording storage: serves one generated
/// WAV at any path, counts requests, can fail the first few with 503 and can redirect
/// <c>/redirect</c> elsewhere.
/// </summary>
public sealed class WavFileServer : IAsyncDisposable
{
    private readonly LoopbackServer _host;
    private int _requests;
    private int _failuresLeft;

    private WavFileServer(LoopbackServer host, byte[] wav)
    {
        _host = host;
        Wav = wav;
    }

    public byte[] Wav { get; }

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Wav));

    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>The exact <c>host:port</c> entry for <c>CallVault:Vapi:AllowedMediaHosts</c>.</summary>
    public string HostPort => $"{BaseUrl.Host}:{BaseUrl.Port}";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Where <c>/redirect</c> sends the client.</summary>
    public Uri? RedirectTo { get; set; }

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Answers the next <paramref name="count"/> media requests with 503.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public static async Task<WavFileServer> StartAsync(int channels = 2, double seconds = 1.5)
    {
        var wav = CreateWav(channels, seconds);
        WavFileServer? server = null;
        var host = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            Interlocked.Increment(ref server!._requests);
            if (context.Request.Path == "/redirect" && server.RedirectTo is { } target)
            {
                context.Response.Redirect(target.AbsoluteUri);
                return;
            }

            if (Interlocked.Decrement(ref server._failuresLeft) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.ContentType = "audio/wav";
            context.Response.ContentLength = wav.Length;
            await context.Response.Body.WriteAsync(wav, context.RequestAborted);
        }));
        server = new WavFileServer(host, wav);
        return server;
    }

    private static byte[] CreateWav(int channels, double seconds)
    {
        const int sampleRate = 8000;
        var frames = (int)(sampleRate * seconds);
        var data = new byte[frames * channels * 2];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                var sample = (short)(8000 * Math.Sin(2 * Math.PI * (440 + (220 * c)) * i / sampleRate));
                BitConverter.TryWriteBytes(data.AsSpan(((i * channels) + c) * 2), sample);
            }
        }

        return [.. WavHeader.Create(channels, sampleRate, 16, data.Length), .. data];
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
