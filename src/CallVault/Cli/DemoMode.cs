namespace CallVault.Cli;

internal static class DemoMode
{
    public static Task<int> RunAsync(string[] hostArgs, CancellationToken cancellationToken) => Task.FromResult(CliErrors.Fail("demo not ready"));
}
