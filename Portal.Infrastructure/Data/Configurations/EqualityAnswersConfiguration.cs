using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Equality;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class EqualityAnswersConfiguration : IEntityTypeConfiguration<EqualityAnswers>
{
    public void Configure(EntityTypeBuilder<EqualityAnswers> builder)
    {
        // Its own table, reached only by the person's id: no navigation from the account or the profile.
        builder.ToTable("EqualityAnswers");
        builder.HasKey(a => a.UserId);
        foreach (var property in new[] { "Ethnicity", "Sex", "GenderIdentity", "AgeBand", "Disability", "Religion", "SexualOrientation", "CaringResponsibilities" })
            builder.Property<string?>(property).HasMaxLength(EqualityQuestions.MaxCodeLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
