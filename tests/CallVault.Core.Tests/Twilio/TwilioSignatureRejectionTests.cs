using System.Text;
using CallVault.Core.Twilio;
using static CallVault.Core.Tests.Twilio.TwilioSignatureTests;

namespace CallVault.Core.Tests.Twilio;

/// <summary>Anything that differs from what Twilio signed must fail; vectors are in <see cref="TwilioSignatureTests"/>.</summary>
public sealed class TwilioSignatureRejectionTests
{
    [Theory]
    [MemberData(nameof(TwilioSignatureTests.UrlVectors), MemberType = typeof(TwilioSignatureTests))]
    public void IsValid_OneCharacterChangedInSignature_ReturnsFalse(string signature, string url)
    {
        for (var i = 0; i < signature.Length; i++)
        {
            // Arrange
            var chars = signature.ToCharArray();
            chars[i] = chars[i] == 'A' ? 'B' : 'A';
            var altered = new string(chars);

            // Act
            var valid = TwilioSignature.IsValid(Token, url, Parameters, altered);

            // Assert
            Assert.False(valid, $"signature changed at index {i} was accepted: {altered}");
        }
    }

    [Fact]
    public void IsValid_WrongToken_ReturnsFalse()
    {
        // Act
        var valid = TwilioSignature.IsValid("54321", BaseUrl, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_ChangedParameterValue_ReturnsFalse()
    {
        // Arrange
        var changed = Parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p).ToArray();

        // Act
        var valid = TwilioSignature.IsValid(Token, BaseUrl, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_MissingParameter_ReturnsFalse()
    {
        // Arrange
        var fewer = Parameters.Where(p => p.Key != "To").ToArray();

        // Act
        var valid = TwilioSignature.IsValid(Token, BaseUrl, fewer, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_ChangedUrlQuery_ReturnsFalse()
    {
        // Act
        var valid = TwilioSignature.IsValid(Token, "https://mycompany.com/myapp.php?foo=1&bar=3", Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValid_MissingOrEmptySignature_ReturnsFalse(string? signature)
    {
        // Act
        var valid = TwilioSignature.IsValid(Token, BaseUrl, Parameters, signature);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsValidJsonBody_MissingOrEmptySignature_ReturnsFalse(string? signature)
    {
        // Act
        var valid = TwilioSignature.IsValidJsonBody(Token, JsonUrl, Encoding.UTF8.GetBytes(JsonBody), signature);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_EmptyToken_ReturnsFalse()
    {
        // Act
        var valid = TwilioSignature.IsValid(string.Empty, BaseUrl, Parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValidJsonBody_TamperedBody_ReturnsFalse()
    {
        // Arrange
        var tampered = Encoding.UTF8.GetBytes("""{"property": "value", "boolean": false}""");

        // Act
        var valid = TwilioSignature.IsValidJsonBody(Token, JsonUrl, tampered, JsonSignature);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValidJsonBody_UrlWithoutBodyHash_ReturnsFalse()
    {
        // Act
        var valid = TwilioSignature.IsValidJsonBody(Token, BaseUrl, Encoding.UTF8.GetBytes(JsonBody), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValidJsonBody_WrongSignature_ReturnsFalse()
    {
        // Act
        var valid = TwilioSignature.IsValidJsonBody(Token, JsonUrl, Encoding.UTF8.GetBytes(JsonBody), "b9nBmqA0ju/hNViExpshrM61xv4=");

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_NonDefaultPortRemoved_ReturnsFalse()
    {
        // Arrange: signed for :1234, so dropping the port must not be tried
        const string signedFor1234 = "CYn1h0gLBdNxDGkKJg6hYohgeD8=";

        // Act
        var valid = TwilioSignature.IsValid(Token, BaseUrl, Parameters, signedFor1234);

        // Assert
        Assert.False(valid);
    }
}
