using System.Text;
using CallVault.Core.Vapi;

namespace CallVault.Core.Tests.Vapi;

public sealed class VapiSignatureTests
{
    private const string Secret = "vapi-test-secret";
    private const string Timestamp = "1746108623";

    // printf '%s' '1746108623.{"message":{"type":"end-of-call-report"}}' | openssl dgst -sha256 -hmac 'vapi-test-secret'
    private const string Expected = "7a89d315fbe648be4e918693cf8566297128c3cd59bff1026454cc967c38a1a1";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"message":{"type":"end-of-call-report"}}""");

    [Fact]
    public void Compute_KnownVector_MatchesOpenSsl() => Assert.Equal(Expected, VapiSignature.Compute(Secret, Timestamp, Body));

    [Theory]
    [InlineData(Expected)]
    [InlineData("7A89D315FBE648BE4E918693CF8566297128C3CD59BFF1026454CC967C38A1A1")]
    [InlineData("sha256=" + Expected)]
    public void IsValid_Genuine_Accepted(string signature) => Assert.True(VapiSignature.IsValid(Secret, Timestamp, Body, signature));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("8a89d315fbe648be4e918693cf8566297128c3cd59bff1026454cc967c38a1a1")]
    [InlineData("7a89d315fbe648be4e918693cf8566297128c3cd59bff1026454cc967c38a1")]
    public void IsValid_WrongOrMalformed_Refused(string? signature) => Assert.False(VapiSignature.IsValid(Secret, Timestamp, Body, signature));

    [Fact]
    public void IsValid_OtherTimestampOrBody_Refused()
    {
        Assert.False(VapiSignature.IsValid(Secret, "1746108624", Body, Expected));
        Assert.False(VapiSignature.IsValid(Secret, Timestamp, [.. Body, (byte)' '], Expected));
        Assert.False(VapiSignature.IsValid("other-secret", Timestamp, Body, Expected));
    }

    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "s3cret ", false)]
    [InlineData("s3cret", "S3CRET", false)]
    [InlineData("s3cret", "", false)]
    [InlineData("s3cret", null, false)]
    public void SecretEquals_ComparesExactly(string expected, string? given, bool equal) =>
        Assert.Equal(equal, VapiSignature.SecretEquals(expected, given));

    [Theory]
    [InlineData("1746108623", 1746108623_000)]
    [InlineData("1746108623000", 1746108623_000)]
    [InlineData("2025-05-01T14:10:23Z", 1746108623_000)]
    public void TimestampTryParse_SecondsMillisecondsOrIso_Read(string text, long unixMilliseconds)
    {
        Assert.True(VapiTimestamp.TryParse(text, out var parsed));
        Assert.Equal(unixMilliseconds, parsed.ToUnixTimeMilliseconds());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void TimestampTryParse_Garbage_Refused(string? text) => Assert.False(VapiTimestamp.TryParse(text, out _));

    [Fact]
    public void TimestampIsFresh_InsideAndOutsideWindow()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1746108623);
        Assert.True(VapiTimestamp.IsFresh(now.AddSeconds(-300), now, TimeSpan.FromSeconds(300)));
        Assert.True(VapiTimestamp.IsFresh(now.AddSeconds(120), now, TimeSpan.FromSeconds(300)));
        Assert.False(VapiTimestamp.IsFresh(now.AddSeconds(-301), now, TimeSpan.FromSeconds(300)));
        Assert.False(VapiTimestamp.IsFresh(now.AddSeconds(301), now, TimeSpan.FromSeconds(300)));
    }
}
