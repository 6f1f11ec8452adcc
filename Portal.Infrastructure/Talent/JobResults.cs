namespace Portal.Infrastructure.Talent;

public sealed record JobResults(IReadOnlyList<JobListing> Jobs, int Total, int Page, int Pages)
{
    /// <summary>The index snapshot that answered (<see cref="JobSnapshot.Version"/>).</summary>
    public long IndexVersion { get; init; }

    /// <summary>The day whose open vacancies these are (closing dates are checked against it).</summary>
    public DateOnly AsOf { get; init; }
}
