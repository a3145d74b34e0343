using BenchmarkDotNet.Attributes;
using CallVault.Core.Phones;

namespace CallVault.MicroBench;

/// <summary>Number normalisation, run on every callback's From/To and every phone filter.</summary>
[MemoryDiagnoser]
public class PhoneNumberBenchmarks
{
    [Params("+15551230000", "(555) 123-0000", "0044 20 7946 0958", "client:agent07")]
    public string Raw { get; set; } = "";

    [Benchmark]
    public string? Normalize() => PhoneNumber.Normalize(Raw);
}
