using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class JobHeldConfiguration : IEntityTypeConfiguration<JobHeld>
{
    public void Configure(EntityTypeBuilder<JobHeld> builder)
    {
        builder.ToTable("JobHistory");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.JobRole).HasMaxLength(80);
        builder.Ignore(j => j.Current);
        // No key to the account: the membership's already cascades from it (SQL Server allows one path), and erasure removes these by UserId.
        builder.HasIndex(j => j.UserId);
        // The retention rollup reads an organisation's history by when each job began.
        builder.HasIndex(j => new { j.OrganisationId, j.FromUtc });
    }
}
