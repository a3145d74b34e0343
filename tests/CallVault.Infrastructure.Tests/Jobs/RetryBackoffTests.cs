using CallVault.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace CallVault.Infrastructure.Tests.Jobs;

public sealed class RetryBackoffTests
{
    private const int BaseMs = 1000;
    private const int MaxSeconds = 60;
    private const int Samples = 400;

    [Fact]
    public void Delay_EveryAttempt_StaysBetweenHalfAndAllOfTheCappedCeiling()
    {
        var backoff = NewBackoff(seed: 7);

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = Math.Min(BaseMs * Math.Pow(2, attempt - 1), MaxSeconds * 1000.0);
            for (var i = 0; i < Samples; i++)
            {
                var ms = backoff.Delay(attempt).TotalMilliseconds;
                Assert.InRange(ms, ceiling * 0.5, ceiling);
            }
        }
    }

    [Fact]
    public void Delay_SuccessiveUncappedAttempts_GrowByAFactorOfTwo()
    {
        var backoff = NewBackoff(seed: 11);
        var samples = Enumerable.Range(1, 6).Select(a => Enumerable.Range(0, Samples).Select(_ => backoff.Delay(a).TotalMilliseconds).ToList()).ToList();

        for (var a = 1; a < samples.Count; a++)
        {
            // Ranges [c/2, c] and [c, 2c] touch but do not overlap: every later delay is at least every earlier one.
            Assert.True(samples[a].Min() >= samples[a - 1].Max(), $"attempt {a + 1} has a delay below one of attempt {a}");
            var ratio = samples[a].Average() / samples[a - 1].Average();
            Assert.InRange(ratio, 1.8, 2.2);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Delay_LargeAttempt_IsCappedAtMaxDelaySeconds(int attempt)
    {
        var backoff = NewBackoff(seed: 3);

        var delays = Enumerable.Range(0, Samples).Select(_ => backoff.Delay(attempt)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(MaxSeconds / 2.0), TimeSpan.FromSeconds(MaxSeconds)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Delay_AttemptBelowOne_UsesTheBaseDelay(int attempt)
    {
        var backoff = NewBackoff(seed: 5);

        var delay = backoff.Delay(attempt);

        Assert.InRange(delay.TotalMilliseconds, BaseMs * 0.5, BaseMs);
    }

    [Fact]
    public void Delay_SameSeed_GivesTheSameSequence()
    {
        var a = NewBackoff(seed: 42);
        var b = NewBackoff(seed: 42);

        var first = Enumerable.Range(1, 20).Select(a.Delay).ToList();
        var second = Enumerable.Range(1, 20).Select(b.Delay).ToList();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 1);
    }

    private static RetryBackoff NewBackoff(int seed) =>
        new(Options.Create(new JobOptions { BaseDelayMilliseconds = BaseMs, MaxDelaySeconds = MaxSeconds }), new Random(seed));
}
