using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OverdueNoticeConfiguration : IEntityTypeConfiguration<OverdueNotice>
{
    public void Configure(EntityTypeBuilder<OverdueNotice> builder)
    {
        builder.ToTable("OverdueNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        // One notice per lapse per organisation; the reminder run reads them organisation by organisation.
        builder.HasIndex(n => new { n.OrganisationId, n.UserId, n.ModuleSlug, n.DueOn }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
