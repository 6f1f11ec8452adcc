using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchVacancyCutoffConfiguration : IEntityTypeConfiguration<MatchVacancyCutoff>
{
    public void Configure(EntityTypeBuilder<MatchVacancyCutoff> builder)
    {
        builder.ToTable("MatchVacancyCutoffs");
        builder.HasKey(c => c.VacancyId);
    }
}
