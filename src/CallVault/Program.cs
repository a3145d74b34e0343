using CallVault.Cli;

return await CallVaultCli.RunAsync(args);
