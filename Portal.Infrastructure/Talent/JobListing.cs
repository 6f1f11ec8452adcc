using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

public sealed record JobListing(Guid Id, string Title, string OrganisationName, string CareerRole, string District, decimal HourlyPay, decimal HoursPerWeek, DateOnly ClosingDate, double? Miles, IReadOnlyList<string> Badges);
