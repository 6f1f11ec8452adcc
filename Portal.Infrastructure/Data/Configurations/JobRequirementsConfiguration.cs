using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class JobRequirementsConfiguration : IEntityTypeConfiguration<JobRequirements>
{
    public void Configure(EntityTypeBuilder<JobRequirements> builder)
    {
        builder.ToTable("JobRequirements");
        builder.HasKey(r => new { r.OrganisationId, r.JobRole });
        builder.Property(r => r.JobRole).HasMaxLength(80);
        builder.Property(r => r.Modules).HasMaxLength(JobRequirements.MaxListLength);
        builder.Property(r => r.Competencies).HasMaxLength(JobRequirements.MaxListLength);
        builder.Property(r => r.ChangedBy).HasMaxLength(450);
        builder.Ignore(r => r.Topics);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
