using System.Text;
using CallVault.Core.Twilio;

namespace CallVault.Core.Tests.Twilio;

/// <summary>Test vectors from PROVIDERS.md ("Signature"), taken from Twilio's helper libraries' tests.</summary>
public sealed class TwilioSignatureTests
{
    internal const string Token = "12345";
    internal const string BaseUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";
    internal const string JsonBody = """{"property": "value", "boolean": true}""";
    internal const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    internal const string JsonUrl = BaseUrl + "&bodySHA256=" + JsonBodyHash;
    internal const string JsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";

    internal static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    public static TheoryData<string, string> UrlVectors => new()
    {
        { "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "https://mycompany.com/myapp.php?foo=1&bar=2" },
        { "kvajT1Ptam85bY51eRf/AJRuM3w=", "https://mycompany.com:443/myapp.php?foo=1&bar=2" },
        { "0ZXoZLH/DfblKGATFgpif+LLRf4=", "http://mycompany.com:80/myapp.php?foo=1&bar=2" },
        { "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", "http://mycompany.com:1234/myapp.php?foo=1&bar=2" },
        { "CYn1h0gLBdNxDGkKJg6hYohgeD8=", "https://mycompany.com:1234/myapp.php?foo=1&bar=2" },
        { "g9IN/x4Cft2g517EjYvEvM/W7LU=", "https://MyCompany.com/myapp.php?foo=1&bar=2" },
        { "PJ08CxXr7KLPjEQCTc8LkUSMwSM=", "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2" },
    };

    [Theory]
    [MemberData(nameof(UrlVectors))]
    public void Compute_ProviderVector_ReturnsExpectedSignature(string expected, string url)
    {
        // Act
        var signature = TwilioSignature.Compute(Token, url, Parameters);

        // Assert
        Assert.Equal(expected, signature);
    }

    [Theory]
    [MemberData(nameof(UrlVectors))]
    public void IsValid_ProviderVector_ReturnsTrue(string signature, string url)
    {
        // Act
        var valid = TwilioSignature.IsValid(Token, url, Parameters, signature);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsValid_SignatureWithoutPortAndUrlWithDefaultPort_ReturnsTrue()
    {
        // Arrange
        const string signedWithoutPort = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

        // Act
        var valid = TwilioSignature.IsValid(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Parameters, signedWithoutPort);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsValid_SignatureWithPortAndUrlWithoutPort_ReturnsTrue()
    {
        // Arrange
        const string signedWithPort = "kvajT1Ptam85bY51eRf/AJRuM3w=";

        // Act
        var valid = TwilioSignature.IsValid(Token, BaseUrl, Parameters, signedWithPort);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void Compute_RepeatedKeys_SortsValuesAndReturnsExpectedSignature()
    {
        // Arrange
        KeyValuePair<string, string>[] parameters =
        [
            new("Sid", "CA123"),
            new("SidAccount", "AC123"),
            new("Digits", "5678"),
            new("Digits", "1234"),
        ];

        // Act
        var signature = TwilioSignature.Compute(Token, BaseUrl, parameters);
        var valid = TwilioSignature.IsValid(Token, BaseUrl, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU=");

        // Assert
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", signature);
        Assert.True(valid);
    }

    [Fact]
    public void BodySha256_ProviderJsonBody_ReturnsExpectedLowercaseHex()
    {
        // Act
        var hash = TwilioSignature.BodySha256(Encoding.UTF8.GetBytes(JsonBody));

        // Assert
        Assert.Equal(JsonBodyHash, hash);
    }

    [Fact]
    public void Compute_JsonBodyUrlWithoutParameters_ReturnsExpectedSignature()
    {
        // Act
        var signature = TwilioSignature.Compute(Token, JsonUrl, []);

        // Assert
        Assert.Equal(JsonSignature, signature);
    }

    [Fact]
    public void IsValidJsonBody_ProviderVector_ReturnsTrue()
    {
        // Act
        var valid = TwilioSignature.IsValidJsonBody(Token, JsonUrl, Encoding.UTF8.GetBytes(JsonBody), JsonSignature);

        // Assert
        Assert.True(valid);
    }
}
