using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Domain.Training.Offline;

namespace Portal.Infrastructure.Training.Offline;

internal sealed class ModuleTextConfiguration : IEntityTypeConfiguration<ModuleText>
{
    public void Configure(EntityTypeBuilder<ModuleText> builder)
    {
        builder.ToTable("ModuleTexts");
        // One row per text: two nodes starting with the same release insert the same key and one loses.
        builder.HasKey(t => new { t.ModuleSlug, t.Version });
        builder.Property(t => t.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        builder.Property(t => t.Version).HasMaxLength(ModuleProgress.MaxVersionLength);
        builder.Property(t => t.File).HasMaxLength(260);
        builder.Property(t => t.Source).HasMaxLength(ModuleText.MaxSourceLength);
    }
}
