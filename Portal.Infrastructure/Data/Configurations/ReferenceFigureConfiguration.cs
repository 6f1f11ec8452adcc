using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Equality;
using Portal.Domain.Insight;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ReferenceFigureConfiguration : IEntityTypeConfiguration<ReferenceFigure>
{
    public void Configure(EntityTypeBuilder<ReferenceFigure> builder)
    {
        builder.ToTable("InsightReferenceFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Characteristic).HasMaxLength(EqualityQuestions.MaxCodeLength).IsRequired();
        builder.Property(f => f.Category).HasMaxLength(EqualityQuestions.MaxCodeLength).IsRequired();
        builder.Property(f => f.Share).HasPrecision(5, 2);
        builder.Property(f => f.Source).HasMaxLength(ReferenceFigure.MaxSourceLength).IsRequired();
        builder.Property(f => f.EnteredBy).HasMaxLength(450).IsRequired();
        builder.HasIndex(f => new { f.Characteristic, f.Category, f.Year }).IsUnique();
    }
}
