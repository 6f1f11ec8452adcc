using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Compliance;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class RefreshOverrideConfiguration : IEntityTypeConfiguration<RefreshOverride>
{
    public void Configure(EntityTypeBuilder<RefreshOverride> builder)
    {
        builder.ToTable("RefreshOverrides");
        builder.HasKey(r => new { r.OrganisationId, r.ModuleSlug });
        builder.Property(r => r.ModuleSlug).HasMaxLength(80);
        builder.Property(r => r.ChangedBy).HasMaxLength(450);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
