using BenchmarkDotNet.Attributes;
using CallVault.Core.Twilio;

namespace CallVault.MicroBench;

/// <summary>The check every Twilio webhook passes first: HMAC-SHA1 over the URL and the sorted form.</summary>
[MemoryDiagnoser]
public class TwilioSignatureBenchmarks
{
    private const string Token = "12345678901234567890123456789012";
    private const string Url = "https://vault.example.com/webhooks/twilio/recording";
    private KeyValuePair<string, string>[] _form = [];
    private string _signature = "";

    [GlobalSetup]
    public void Setup()
    {
        _form = [.. Forms.RecordingCompleted()];
        _signature = TwilioSignature.Compute(Token, Url, _form);
    }

    [Benchmark]
    public string ComputeRecordingCallback() => TwilioSignature.Compute(Token, Url, _form);

    [Benchmark]
    public bool IsValidRight() => TwilioSignature.IsValid(Token, Url, _form, _signature);

    [Benchmark]
    public bool IsValidWrong() => TwilioSignature.IsValid(Token, Url, _form, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
}
