using CallVault.Infrastructure.Vapi;

namespace CallVault.Infrastructure.Tests.Vapi;

public sealed class VapiMediaHostsTests
{
    private static readonly string[] Allowed = ["storage.vapi.ai", "127.0.0.1:5123"];

    [Theory]
    [InlineData("https://storage.vapi.ai/abc-stereo.wav")]
    [InlineData("https://STORAGE.vapi.ai/abc-stereo.wav?X-Amz-Signature=1")]
    [InlineData("https://storage.vapi.ai:443/abc.wav")]
    [InlineData("http://127.0.0.1:5123/rec.wav")]
    public void IsAllowed_ListedHost_True(string url) => Assert.True(VapiMediaHosts.IsAllowed(new Uri(url), Allowed));

    [Theory]
    [InlineData("http://storage.vapi.ai/abc.wav")]
    [InlineData("https://storage.vapi.ai:8443/abc.wav")]
    [InlineData("https://storage.vapi.ai.evil.example/abc.wav")]
    [InlineData("https://evil.example/storage.vapi.ai/abc.wav")]
    [InlineData("https://user:pw@storage.vapi.ai/abc.wav")]
    [InlineData("http://127.0.0.1:5124/rec.wav")]
    [InlineData("http://127.0.0.1/rec.wav")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("file:///etc/passwd")]
    public void IsAllowed_AnythingElse_False(string url) => Assert.False(VapiMediaHosts.IsAllowed(new Uri(url), Allowed));

    [Theory]
    [InlineData("storage.vapi.ai", true)]
    [InlineData("127.0.0.1:5123", true)]
    [InlineData("https://storage.vapi.ai", false)]
    [InlineData("storage.vapi.ai/recordings", false)]
    [InlineData("user@storage.vapi.ai", false)]
    [InlineData("", false)]
    public void IsWellFormedEntry_HostOrHostPortOnly(string entry, bool expected) => Assert.Equal(expected, VapiMediaHosts.IsWellFormedEntry(entry));
}
