using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Infrastructure.Insight;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ModuleMonthConfiguration : IEntityTypeConfiguration<ModuleMonth>
{
    public void Configure(EntityTypeBuilder<ModuleMonth> builder)
    {
        builder.ToTable("InsightModuleMonths");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength).IsRequired();
        builder.HasIndex(m => new { m.OrganisationId, m.Month, m.ModuleSlug }).IsUnique();
    }
}
