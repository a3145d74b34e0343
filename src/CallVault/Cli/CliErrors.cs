namespace CallVault.Cli;

internal static class CliErrors
{
    /// <summary>One clear line on standard error, and a non-zero exit code.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"callvault: {message}");
        return 1;
    }
}
