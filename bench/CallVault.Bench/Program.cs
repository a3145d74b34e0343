using CallVault.Bench;

return await BenchCli.RunAsync(args);
