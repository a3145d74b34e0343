namespace CallVault.Web.Reports;

/// <summary>Answered calls of one day and direction, and how many have a recording.</summary>
public sealed record CompletenessRow(DateOnly Day, string Direction, int AnsweredCalls, int WithRecording, int WithoutRecording);
