using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class JobMatchConfiguration : IEntityTypeConfiguration<JobMatch>
{
    public void Configure(EntityTypeBuilder<JobMatch> builder)
    {
        builder.ToTable("Matches");
        builder.HasKey(m => new { m.UserId, m.VacancyId });
        // No foreign keys: millions of derived rows are rewritten in bulk, and checking two parents
        // per row doubled the time. Every read joins to the live vacancy and profile, so a row whose
        // person or vacancy is gone is never shown, and the nightly run deletes it.
        builder.Ignore(m => m.Facts);
        // "People who fit" for one vacancy, and a vacancy's rows replaced when it changes.
        builder.HasIndex(m => m.VacancyId);
    }
}
