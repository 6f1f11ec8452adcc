using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchDismissalConfiguration : IEntityTypeConfiguration<MatchDismissal>
{
    public void Configure(EntityTypeBuilder<MatchDismissal> builder)
    {
        builder.ToTable("MatchDismissals");
        builder.HasKey(d => d.Id);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(d => d.VacancyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DismissedBy).HasMaxLength(450);
        // Dismissing twice is one dismissal.
        builder.HasIndex(d => new { d.UserId, d.VacancyId, d.Side }).IsUnique();
        builder.HasIndex(d => d.VacancyId);
    }
}
