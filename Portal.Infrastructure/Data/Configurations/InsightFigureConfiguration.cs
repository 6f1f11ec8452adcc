using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Insight;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class InsightFigureConfiguration : IEntityTypeConfiguration<InsightFigure>
{
    public void Configure(EntityTypeBuilder<InsightFigure> builder)
    {
        builder.ToTable("InsightFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Figure).HasMaxLength(InsightFigure.MaxKeyLength).IsRequired();
        builder.Property(f => f.Dimension).HasMaxLength(InsightFigure.MaxKeyLength).IsRequired();
        builder.Property(f => f.Category).HasMaxLength(InsightFigure.MaxCategoryLength).IsRequired();
        // One row per count: a rerun replaces, never adds. Also the pages' read, by organisation and months.
        builder.HasIndex(f => new { f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category }).IsUnique();
        // The hourly run replaces its recent months: without this its delete reads every row.
        builder.HasIndex(f => f.Month);
    }
}
