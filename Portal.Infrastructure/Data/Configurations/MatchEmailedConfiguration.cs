using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchEmailedConfiguration : IEntityTypeConfiguration<MatchEmailed>
{
    public void Configure(EntityTypeBuilder<MatchEmailed> builder)
    {
        builder.ToTable("MatchesEmailed");
        builder.HasKey(e => new { e.UserId, e.VacancyId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(e => e.VacancyId).OnDelete(DeleteBehavior.Cascade);
    }
}
