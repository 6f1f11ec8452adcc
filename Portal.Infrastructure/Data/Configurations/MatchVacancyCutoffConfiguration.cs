using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchVacancyCutoffConfiguration : IEntityTypeConfiguration<MatchVacancyCutoff>
{
    public void Configure(EntityTypeBuilder<MatchVacancyCutoff> builder)
    {
        builder.ToTable("MatchVacancyCutoffs");
        builder.HasKey(c => c.VacancyId);
    }
}
