namespace CallVault.Simulator.Internal;

internal sealed record ProcessResult(int ExitCode, string StandardError);
