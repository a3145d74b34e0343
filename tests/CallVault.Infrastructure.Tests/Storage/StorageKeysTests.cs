using CallVault.Core.Recordings;
using CallVault.Infrastructure.Storage;

namespace CallVault.Infrastructure.Tests.Storage;

public sealed class StorageKeysTests
{
    private static readonly Guid Id = Guid.Parse("0195a3b4-c5d6-7e8f-9012-3456789abcde");

    [Fact]
    public void For_Recording_UsesCreatedAtDateAndIdOnly()
    {
        var recording = NewRecording(new DateTime(2026, 3, 2, 23, 59, 59, DateTimeKind.Utc));

        var key = StorageKeys.For(recording, "wav");

        Assert.Equal("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav", key);
        Assert.True(StorageKeys.IsWellFormed(key));
    }

    [Fact]
    public void For_ProviderFieldsDiffer_GivesTheSameKey()
    {
        var created = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        var a = NewRecording(created);
        var b = NewRecording(created);
        b.ProviderRecordingId = "RE../../etc/passwd";
        b.ProviderCallId = "CA/evil";
        b.MediaUrl = "http://evil.example/x.wav";
        b.StartedAt = created.AddYears(-3);
        b.UpdatedAt = created.AddDays(9);

        Assert.Equal(StorageKeys.For(a, "mp3"), StorageKeys.For(b, "mp3"));
    }

    [Fact]
    public void For_OtherCreatedAtOrId_GivesAnotherKey()
    {
        var created = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        var original = StorageKeys.For(NewRecording(created), "wav");

        var otherDay = StorageKeys.For(NewRecording(created.AddDays(1)), "wav");
        var otherId = NewRecording(created);
        otherId.Id = Guid.NewGuid();

        Assert.NotEqual(original, otherDay);
        Assert.NotEqual(original, StorageKeys.For(otherId, "wav"));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("recordings/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("/recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav")]
    [InlineData("recordings/2026/03/02/0195A3B4C5D67E8F90123456789ABCDE.wav")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav/../../../../x.wav")]
    [InlineData("recordings\\2026\\03\\02\\0195a3b4c5d67e8f90123456789abcde.wav")]
    [InlineData("recordings/2026/03/02/0195a3b4-c5d6-7e8f-9012-3456789abcde.wav")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde")]
    [InlineData("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav.partial")]
    [InlineData("")]
    public void IsWellFormed_KeyNotMadeByStorageKeys_IsFalse(string key)
    {
        Assert.False(StorageKeys.IsWellFormed(key));
    }

    [Fact]
    public void IsWellFormed_KeyWithTrailingNewline_IsFalse()
    {
        // .NET's "$" also matches before a final "\n"; only "\z" ends the input.
        Assert.False(StorageKeys.IsWellFormed("recordings/2026/03/02/0195a3b4c5d67e8f90123456789abcde.wav\n"));
    }

    private static Recording NewRecording(DateTime createdAt) => new()
    {
        Id = Id,
        Provider = "twilio",
        ProviderRecordingId = "RE0123456789abcdef0123456789abcdef",
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };
}
