namespace Portal.Infrastructure.Talent;

/// <summary>What a full matching run did.</summary>
public sealed record MatchRunSummary(int People, int Vacancies, long PairsScored, int RowsWritten, TimeSpan Loading, TimeSpan Scoring, TimeSpan Writing);
