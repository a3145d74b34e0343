using CallVault.Infrastructure.Tests.TestSupport;
using CallVault.Infrastructure.Twilio;

namespace CallVault.Infrastructure.Tests.Twilio;

public sealed class MediaUrlPolicyTests
{
    private const string Account = "AC0123456789abcdef0123456789abcdef";
    private const string RecordingSid = "RE0123456789abcdef0123456789abcdef";
    private const string Base = "http://127.0.0.1:5080";
    private const string RecordingPath = $"/2010-04-01/Accounts/{Account}/Recordings/{RecordingSid}";

    [Theory]
    [InlineData(Base + RecordingPath)]
    [InlineData(Base + RecordingPath + ".json")]
    [InlineData(Base + RecordingPath + ".mp3")]
    [InlineData(Base + RecordingPath + "?Download=true")]
    [InlineData("HTTP://127.0.0.1:5080" + RecordingPath)]
    public void TryBuild_RecordingUrlOnTheApiHost_BuildsTheMediaUrlOnTheSameOrigin(string recordingUrl)
    {
        var ok = MediaUrlPolicy.TryBuild(recordingUrl, Options(), channels: 1, out var media, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        Assert.Equal(new Uri(Base + RecordingPath + ".wav"), media);
    }

    [Theory]
    [InlineData("http://localhost:5080" + RecordingPath, "host")]
    [InlineData("http://127.0.0.2:5080" + RecordingPath, "host")]
    [InlineData("http://127.0.0.1:5081" + RecordingPath, "host")]
    [InlineData("http://127.0.0.1" + RecordingPath, "host")]
    [InlineData("https://127.0.0.1:5080" + RecordingPath, "host")]
    [InlineData("http://127.0.0.1:5080@evil.example" + RecordingPath, "evil.example")]
    [InlineData("http://evil.example/?next=http://127.0.0.1:5080" + RecordingPath, "evil.example")]
    [InlineData("file:///etc/passwd", "host")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/Calls/CA0123456789abcdef0123456789abcdef", "not a Twilio recording URL")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/Recordings/{RecordingSid}/Transcriptions", "not a Twilio recording URL")]
    [InlineData(Base + $"/2008-08-01/Accounts/{Account}/Recordings/{RecordingSid}", "not a Twilio recording URL")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/../Recordings/{RecordingSid}", "not a Twilio recording URL")]
    [InlineData(Base + $"/2010-04-01/Accounts/AC0123/Recordings/{RecordingSid}", "not a Twilio recording URL")]
    [InlineData(Base + $"/2010-04-01/Accounts/XX0123456789abcdef0123456789abcdef/Recordings/{RecordingSid}", "not a Twilio recording URL")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/Recordings/RE0123", "recording SID")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/Recordings/CA0123456789abcdef0123456789abcdef", "recording SID")]
    [InlineData(Base + $"/2010-04-01/Accounts/{Account}/Recordings/RE0123456789abcdef0123456789abcdeg", "recording SID")]
    // On Unix a rooted path parses as an absolute file:// URI; refused for its (empty) host.
    [InlineData("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef", "host")]
    [InlineData("2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Recordings/RE0123456789abcdef0123456789abcdef", "absolute")]
    [InlineData("", "absolute")]
    [InlineData(null, "absolute")]
    public void TryBuild_UrlNotAnApiHostRecording_IsRefused(string? recordingUrl, string expectedError)
    {
        var ok = MediaUrlPolicy.TryBuild(recordingUrl, Options(), channels: 1, out var media, out var error);

        Assert.False(ok);
        Assert.Null(media);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "?RequestedChannels=2")]
    [InlineData(1, "")]
    [InlineData(null, "")]
    public void TryBuild_Channels_AsksForTwoChannelsOnlyForStereo(int? channels, string expectedQuery)
    {
        MediaUrlPolicy.TryBuild(Base + RecordingPath + "?RequestedChannels=1", Options(), channels, out var media, out _);

        Assert.Equal(expectedQuery, media!.Query);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("mp3")]
    public void TryBuild_MediaFormat_SetsTheExtension(string format)
    {
        var options = Options();
        options.MediaFormat = format;

        MediaUrlPolicy.TryBuild(Base + RecordingPath + ".wav", options, channels: null, out var media, out _);

        Assert.Equal($"{RecordingPath}.{format}", media!.AbsolutePath);
    }

    [Fact]
    public void TryBuild_DefaultTwilioHost_AcceptsTheRealApiUrl()
    {
        var options = new TwilioOptions();
        var sid = TestSids.Recording();

        var ok = MediaUrlPolicy.TryBuild($"https://api.twilio.com/2010-04-01/Accounts/{Account}/Recordings/{sid}", options, 2, out var media, out _);

        Assert.True(ok);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{Account}/Recordings/{sid}.wav?RequestedChannels=2", media!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://api.twilio.com", "https://API.twilio.com:443/x", true)]
    [InlineData("https://api.twilio.com", "http://api.twilio.com/x", false)]
    [InlineData("https://api.twilio.com", "https://api.twilio.com.evil.example/x", false)]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/x", true)]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1/x", false)]
    public void IsSameOrigin_SchemeHostAndPort_MustAllMatch(string configured, string candidate, bool expected)
    {
        Assert.Equal(expected, MediaUrlPolicy.IsSameOrigin(new Uri(candidate), new Uri(configured)));
    }

    private static TwilioOptions Options() => new() { ApiBaseUrl = new Uri(Base) };
}
