using CallVault.Infrastructure.Storage;
using CallVault.Infrastructure.Tests.TestSupport;

namespace CallVault.Infrastructure.Tests.Storage;

public sealed class TempFilesTests
{
    [Fact]
    public async Task PathFor_Recording_IsInsideTheTempFolderNamedByIdAndSuffix()
    {
        await using var t = await TestServices.StartAsync();
        var id = Guid.NewGuid();

        var path = t.Get<TempFiles>().PathFor(id, "17.work");

        Assert.Equal(Path.Combine(t.TempPath, $"{id:N}.17.work"), path);
        Assert.True(Directory.Exists(t.TempPath));
    }

    [Fact]
    public async Task DeleteStale_OldAndFreshFiles_RemovesOnlyTheOldOnes()
    {
        await using var t = await TestServices.StartAsync();
        var temp = t.Get<TempFiles>();
        var old = temp.PathFor(Guid.NewGuid(), "1.work");
        var fresh = temp.PathFor(Guid.NewGuid(), "2.work");
        var borderline = temp.PathFor(Guid.NewGuid(), "3.work");
        foreach (var file in new[] { old, fresh, borderline })
        {
            await File.WriteAllTextAsync(file, "x", t.Token);
        }

        var now = t.Clock.UtcNow;
        File.SetLastWriteTimeUtc(old, now.AddHours(-2));
        File.SetLastWriteTimeUtc(fresh, now.AddMinutes(-10));
        File.SetLastWriteTimeUtc(borderline, now.AddMinutes(-59));

        var deleted = temp.DeleteStale(TimeSpan.FromHours(1));

        Assert.Equal(1, deleted);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(borderline));
    }

    [Fact]
    public async Task DeleteStale_ClockMovesOn_UsesTheInjectedClock()
    {
        await using var t = await TestServices.StartAsync();
        var temp = t.Get<TempFiles>();
        var file = temp.PathFor(Guid.NewGuid(), "1.work");
        await File.WriteAllTextAsync(file, "x", t.Token);
        File.SetLastWriteTimeUtc(file, t.Clock.UtcNow);

        var before = temp.DeleteStale(TimeSpan.FromHours(1));
        t.Clock.Advance(TimeSpan.FromHours(2));
        var after = temp.DeleteStale(TimeSpan.FromHours(1));

        Assert.Equal(0, before);
        Assert.Equal(1, after);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task DeleteStale_NoTempFolderYet_ReturnsZero()
    {
        await using var t = await TestServices.StartAsync();

        var deleted = t.Get<TempFiles>().DeleteStale(TimeSpan.Zero);

        Assert.Equal(0, deleted);
    }
}
