using CallVault.Core.Twilio;

namespace CallVault.Core.Tests.Twilio;

public sealed class TwilioSidTests
{
    [Theory]
    [InlineData("CA0123456789abcdef0123456789abcdef", TwilioSid.Call)]
    [InlineData("RE0123456789ABCDEF0123456789ABCDEF", TwilioSid.Recording)]
    [InlineData("AC00000000000000000000000000000000", TwilioSid.Account)]
    public void IsValid_PrefixAnd32HexDigits_ReturnsTrue(string sid, string prefix)
    {
        // Act
        var valid = TwilioSid.IsValid(sid, prefix);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData("RE0123456789abcdef0123456789abcdef", TwilioSid.Call)]
    [InlineData("ca0123456789abcdef0123456789abcdef", TwilioSid.Call)]
    [InlineData("CA0123456789abcdef0123456789abcdef", TwilioSid.Account)]
    public void IsValid_WrongPrefix_ReturnsFalse(string sid, string prefix)
    {
        // Act
        var valid = TwilioSid.IsValid(sid, prefix);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("CA0123456789abcdef0123456789abcde")]
    [InlineData("CA0123456789abcdef0123456789abcdef0")]
    [InlineData("CA")]
    [InlineData("")]
    public void IsValid_WrongLength_ReturnsFalse(string sid)
    {
        // Act
        var valid = TwilioSid.IsValid(sid, TwilioSid.Call);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("CA0123456789abcdef0123456789abcdeg")]
    [InlineData("CA0123456789abcdef 123456789abcdef")]
    [InlineData("CA0123456789abcdef0123456789abcd-f")]
    [InlineData("CA0123456789abcdef0123456789abcdéf")]
    public void IsValid_NonHexCharacter_ReturnsFalse(string sid)
    {
        // Act
        var valid = TwilioSid.IsValid(sid, TwilioSid.Call);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_Null_ReturnsFalse()
    {
        // Act
        var valid = TwilioSid.IsValid(null, TwilioSid.Call);

        // Assert
        Assert.False(valid);
    }
}
