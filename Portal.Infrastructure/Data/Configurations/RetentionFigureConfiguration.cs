using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Insight;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class RetentionFigureConfiguration : IEntityTypeConfiguration<RetentionFigure>
{
    public void Configure(EntityTypeBuilder<RetentionFigure> builder)
    {
        builder.ToTable("InsightRetentionFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Figure).HasMaxLength(RetentionFigure.MaxKeyLength).IsRequired();
        builder.Property(f => f.Dimension).HasMaxLength(RetentionFigure.MaxKeyLength).IsRequired();
        builder.Property(f => f.Category).HasMaxLength(RetentionFigure.MaxKeyLength).IsRequired();
        // One row per count: a rerun replaces, never adds. Also the page's read, by organisation and months.
        builder.HasIndex(f => new { f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category }).IsUnique();
    }
}
