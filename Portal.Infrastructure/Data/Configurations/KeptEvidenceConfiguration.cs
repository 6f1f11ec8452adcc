using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Domain.Privacy;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class KeptEvidenceConfiguration : IEntityTypeConfiguration<KeptEvidence>
{
    public void Configure(EntityTypeBuilder<KeptEvidence> builder)
    {
        builder.ToTable("KeptEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Topic).HasMaxLength(KeptEvidence.MaxTopicLength);
        builder.Property(e => e.Version).HasMaxLength(KeptEvidence.MaxVersionLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(450);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OrganisationId, e.Pseudonym });
        // The retention run removes what is past its date.
        builder.HasIndex(e => e.KeepUntilUtc);
    }
}
