using CallVault.MicroBench;

return MicroBenchCli.Run(args);
