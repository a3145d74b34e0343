using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CallVault.Infrastructure.Storage;

namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>
/// The S3-compatible server the storage tests run against, one per test run: the one
/// <c>./test.sh</c> started (<c>CALLVAULT_TEST_S3_SERVICE_URL</c>), else s3rver from
/// <c>tools/node_modules</c> started here on a free loopback port and stopped when the run ends.
/// Never skipped: without either, every S3 test fails and says what to run.
/// </summary>
internal sealed class S3TestServer
{
    private const string Missing =
        "No S3 test server: CALLVAULT_TEST_S3_SERVICE_URL is not set and tools/node_modules/.bin/s3rver is missing. " +
        "Run ./test.sh, or install the test tools once with `npm ci --prefix tools` from the repository root.";

    /// <summary>
    /// Runs s3rver and, when its standard input closes (this test process ended, however it ended,
    /// even killed), stops it and deletes its data folder. Exits with s3rver's status if it dies first.
    /// </summary>
    private const string Supervisor = """
        data=$1; shift
        exec 3<&0
        "$@" </dev/null &
        pid=$!
        { read -r _ <&3 || true; kill "$pid" 2>/dev/null; } &
        wait "$pid"; status=$?
        rm -rf "$data"
        exit "$status"
        """;

    private static readonly Lazy<Task<S3TestServer>> Shared = new(StartAsync);

    /// <summary>Held for the whole run: its standard input is the supervisor's lifeline.</summary>
    private static Process? Supervised { get; set; }

    private S3TestServer(Uri serviceUrl, string accessKey, string secretKey, string bucketPrefix)
    {
        ServiceUrl = serviceUrl;
        AccessKey = accessKey;
        SecretKey = secretKey;
        BucketPrefix = bucketPrefix;
    }

    public Uri ServiceUrl { get; }

    public string AccessKey { get; }

    public string SecretKey { get; }

    public string BucketPrefix { get; }

    public static Task<S3TestServer> GetAsync() => Shared.Value;

    /// <summary>Options for a bucket no other test uses (created on first write).</summary>
    public S3StorageOptions NewBucketOptions(bool chunkedUploads = false, int partSizeMegabytes = 5) => new()
    {
        ServiceUrl = ServiceUrl.ToString(),
        Bucket = $"{BucketPrefix}-{Guid.NewGuid():N}"[..Math.Min(63, BucketPrefix.Length + 33)],
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ForcePathStyle = true,
        ChunkedUploads = chunkedUploads,
        PartSizeMegabytes = partSizeMegabytes,
        AutoCreateBucket = true,
    };

    /// <summary>The <c>CallVault:Storage</c> settings that point a CallVault host at <paramref name="s3"/>'s bucket.</summary>
    public static Dictionary<string, string?> HostSettings(S3StorageOptions s3) => new()
    {
        ["CallVault:Storage:Provider"] = "s3",
        ["CallVault:Storage:S3:ServiceUrl"] = s3.ServiceUrl,
        ["CallVault:Storage:S3:Bucket"] = s3.Bucket,
        ["CallVault:Storage:S3:AccessKey"] = s3.AccessKey,
        ["CallVault:Storage:S3:SecretKey"] = s3.SecretKey,
        ["CallVault:Storage:S3:ForcePathStyle"] = "true",
        ["CallVault:Storage:S3:ChunkedUploads"] = s3.ChunkedUploads ? "true" : "false",
        ["CallVault:Storage:S3:AutoCreateBucket"] = s3.AutoCreateBucket ? "true" : "false",
    };

    private static async Task<S3TestServer> StartAsync()
    {
        var accessKey = Environment.GetEnvironmentVariable("CALLVAULT_TEST_S3_ACCESS_KEY") ?? "S3RVER";
        var secretKey = Environment.GetEnvironmentVariable("CALLVAULT_TEST_S3_SECRET_KEY") ?? "S3RVER";
        var prefix = Environment.GetEnvironmentVariable("CALLVAULT_TEST_S3_BUCKET_PREFIX") ?? "callvault-test";
        if (Environment.GetEnvironmentVariable("CALLVAULT_TEST_S3_SERVICE_URL") is { Length: > 0 } url)
        {
            return new S3TestServer(new Uri(url), accessKey, secretKey, prefix);
        }

        var s3rver = FindS3rver() ?? throw new InvalidOperationException(Missing);
        var data = Directory.CreateTempSubdirectory("callvault-s3rver-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Supervisor, "s3rver-supervisor", data, s3rver, "-d", data, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s" })
        {
            start.ArgumentList.Add(argument);
        }

        // s3rver's paged listing needs OpenSSL's legacy provider on current Node.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {s3rver}.");
        Supervised = process;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => process.StandardInput.Close();
        var serviceUrl = new Uri($"http://127.0.0.1:{port}/");
        await WaitUntilAnsweringAsync(process, serviceUrl, errors);
        return new S3TestServer(serviceUrl, accessKey, secretKey, prefix);
    }

    private static async Task WaitUntilAnsweringAsync(Process process, Uri serviceUrl, Task<string> errors)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {process.ExitCode}: {await errors}");
            }

            try
            {
                using var response = await http.GetAsync(serviceUrl);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"s3rver did not answer on {serviceUrl} within 30 s.");
    }

    private static string? FindS3rver()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallVault.slnx")))
            {
                var bin = Path.Combine(dir.FullName, "tools", "node_modules", ".bin", "s3rver");
                return File.Exists(bin) ? bin : null;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
