using CallVault.Core.Vapi;

namespace CallVault.Core.Tests.Vapi;

/// <summary>Vapi server messages stored under TestData/Vapi, written after Vapi's documented payloads.</summary>
internal static class VapiFixtures
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Vapi", name));

    public static VapiEndOfCallReport Report(string name)
    {
        Assert.True(VapiServerMessage.TryParse(Read(name), out var message, out var error), error);
        return Assert.IsType<VapiEndOfCallReport>(message!.EndOfCallReport);
    }
}
