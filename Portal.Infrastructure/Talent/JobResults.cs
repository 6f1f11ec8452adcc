namespace Portal.Infrastructure.Talent;

public sealed record JobResults(IReadOnlyList<JobListing> Jobs, int Total, int Page, int Pages);
