using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

public sealed record JobResults(IReadOnlyList<JobListing> Jobs, int Total, int Page, int Pages);
