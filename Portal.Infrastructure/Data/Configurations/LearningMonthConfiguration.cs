using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Insight;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class LearningMonthConfiguration : IEntityTypeConfiguration<LearningMonth>
{
    public void Configure(EntityTypeBuilder<LearningMonth> builder)
    {
        builder.ToTable("InsightLearningMonths");
        builder.HasKey(m => m.Id);
        // One row per organisation and month: a rerun replaces, never adds. Also the pages' read.
        builder.HasIndex(m => new { m.OrganisationId, m.Month }).IsUnique();
    }
}
