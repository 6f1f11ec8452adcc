namespace Portal.Infrastructure.Talent;

public sealed record JobListing(Guid Id, string Title, string OrganisationName, string CareerRole, string District, decimal HourlyPay, decimal HoursPerWeek, DateOnly ClosingDate, double? Miles, IReadOnlyList<string> Badges);
