using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class CompetencyRecordConfiguration : IEntityTypeConfiguration<CompetencyRecord>
{
    public void Configure(EntityTypeBuilder<CompetencyRecord> builder)
    {
        builder.ToTable("CompetencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CompetencySlug).HasMaxLength(80);
        builder.Property(r => r.ChecklistVersion).HasMaxLength(20);
        builder.Property(r => r.StepsObserved).HasMaxLength(CompetencyRecord.MaxStepsLength);
        builder.Property(r => r.Note).HasMaxLength(CompetencyRecord.MaxNoteLength);
        builder.Property(r => r.RecordedBy).HasMaxLength(450);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        // A revoke withdraws one sign-off, once.
        builder.HasIndex(r => r.RevokesId).IsUnique();
        builder.HasIndex(r => new { r.OrganisationId, r.UserId, r.CompetencySlug });
    }
}
