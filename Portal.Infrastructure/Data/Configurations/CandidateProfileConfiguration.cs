using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class CandidateProfileConfiguration : IEntityTypeConfiguration<CandidateProfile>
{
    public void Configure(EntityTypeBuilder<CandidateProfile> builder)
    {
        builder.ToTable("CandidateProfiles");
        builder.HasKey(p => p.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Days).HasConversion<int>();
        builder.Property(p => p.Shifts).HasConversion<int>();
        builder.Property(p => p.Languages).HasMaxLength(CandidateProfile.MaxLanguagesLength);
        builder.Property(p => p.Statement).HasMaxLength(CandidateProfile.MaxStatementLength);
        builder.Property(p => p.WantedRoles).HasMaxLength(2000)
            .HasConversion(SlugList.Converter, SlugList.Comparer);
        builder.Property(p => p.Qualifications).HasMaxLength(2000)
            .HasConversion(SlugList.Converter, SlugList.Comparer);
        builder.Ignore(p => p.Location);
        builder.Property(p => p.MinimumHourlyPay).HasPrecision(7, 2);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.District).HasMaxLength(6);
        // Matching (the background-work issue) reads only people who said employers may find them.
        builder.HasIndex(p => p.LetEmployersFindMe);
    }
}
