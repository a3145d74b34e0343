namespace CallVault.Infrastructure.Tests.TestSupport;

/// <summary>Fresh Twilio-shaped SIDs: two letters and 32 lowercase hex digits.</summary>
internal static class TestSids
{
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public static string Account() => New("AC");

    public static string Call() => New("CA");

    public static string Recording() => New("RE");
}
