using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ModuleProgressConfiguration : IEntityTypeConfiguration<ModuleProgress>
{
    public void Configure(EntityTypeBuilder<ModuleProgress> builder)
    {
        builder.ToTable("ModuleProgress");
        builder.HasKey(p => new { p.UserId, p.ModuleSlug });
        builder.Property(p => p.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        builder.Property(p => p.ContentVersion).HasMaxLength(ModuleProgress.MaxVersionLength);
        builder.Ignore(p => p.InProgress);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
