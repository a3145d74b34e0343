using System.CommandLine;

namespace CallVault.Cli;

/// <summary>The <c>callvault</c> command line: <c>serve</c> (default) and the one-shot commands.</summary>
internal static class CallVaultCli
{
    private static readonly HashSet<string> RootFlags = ["-h", "--help", "-?", "/?", "--version"];

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CallVault keeps every call recording: webhooks in, verified audio out, one source of truth.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(CleanupCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ReconcileCommand.Create());
        root.Subcommands.Add(RematchCommand.Create());
        root.Subcommands.Add(RetryCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());

        // `callvault` and `callvault --urls …` mean `callvault serve …`.
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootFlags.Contains(args[0])))
        {
            args = ["serve", .. args];
        }

        return root.Parse(args).InvokeAsync();
    }
}
