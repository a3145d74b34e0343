using CallVault.Core.Transcripts;

namespace CallVault.Core.Tests.Transcripts;

public sealed class ExtractiveSummaryTests
{
    private const string Call =
        "Thank you for calling Acme support.\n" +
        "My invoice shows a double charge for the premium plan.\n" +
        "Let me look at the invoice.\n" +
        "I see the double charge on the premium invoice and I have refunded it.\n" +
        "Okay.\n" +
        "Is there anything else?\n" +
        "No, thank you, goodbye.";

    [Fact]
    public void Summarize_Call_QuotesOnlyWholeSentencesOfTheTranscriptInTheirOrder()
    {
        var summary = ExtractiveSummary.Summarize(Call);

        var sentences = ExtractiveSummary.SplitSentences(Call);
        var picked = sentences.Where(s => summary.Contains(s, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(picked);
        Assert.Equal(summary, string.Join(' ', picked));
        Assert.Contains("I see the double charge on the premium invoice and I have refunded it.", picked);
        Assert.DoesNotContain("Okay.", picked);
    }

    [Fact]
    public void Summarize_SameTextTwice_GivesTheSameSummary() =>
        Assert.Equal(ExtractiveSummary.Summarize(Call), ExtractiveSummary.Summarize(Call));

    [Fact]
    public void Summarize_LongCall_PicksAtMostThreeSentences()
    {
        var text = string.Join(' ', Enumerable.Range(1, 40).Select(i => $"Order number {i} shipped to warehouse {i % 3}."));

        var summary = ExtractiveSummary.Summarize(text);

        Assert.InRange(ExtractiveSummary.SplitSentences(summary).Count, 1, ExtractiveSummary.MaxSentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("Okay. Yes. Thanks.")]
    public void Summarize_NothingToQuote_IsEmpty(string text) => Assert.Equal(string.Empty, ExtractiveSummary.Summarize(text));
}
