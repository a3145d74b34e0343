namespace CallVault.Bench;

/// <summary>Options every scenario shares, and where the repository is.</summary>
internal sealed class BenchContext
{
    private BenchContext(BenchArgs args, string outputFile, string workRoot, bool serverGc)
    {
        Args = args;
        OutputFile = outputFile;
        WorkRoot = workRoot;
        ServerGc = serverGc;
    }

    public BenchArgs Args { get; }

    public string OutputFile { get; }

    /// <summary>Where each scenario makes (and deletes) its data folder.</summary>
    public string WorkRoot { get; }

    /// <summary>Run child servers with the server GC, as the shipped <c>callvault</c> (Microsoft.NET.Sdk.Web) does.</summary>
    public bool ServerGc { get; }

    public static BenchContext FromArgs(BenchArgs args)
    {
        var root = FindRepositoryRoot();
        var output = args.String("out") ?? Path.Combine(root, "bench", "results", "latest.md");
        var work = args.String("work-dir") ?? Path.GetTempPath();
        return new BenchContext(args, Path.GetFullPath(output), work, args.Bool("server-gc", true));
    }

    /// <summary>A fresh folder for one scenario's databases and files.</summary>
    public DirectoryInfo NewWorkDirectory(string name)
    {
        var path = Path.Combine(WorkRoot, $"callvault-bench-{name}-{Guid.NewGuid().ToString("N")[..8]}");
        return Directory.CreateDirectory(path);
    }

    public static void DeleteQuietly(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"warning: could not delete {directory.FullName}: {ex.Message}");
        }
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CallVault.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
