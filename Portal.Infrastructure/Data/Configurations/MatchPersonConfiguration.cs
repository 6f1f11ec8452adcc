using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchPersonConfiguration : IEntityTypeConfiguration<MatchPerson>
{
    public void Configure(EntityTypeBuilder<MatchPerson> builder)
    {
        builder.ToTable("MatchPeople");
        builder.HasKey(p => p.UserId);
        // No foreign key, like Matches: rewritten in bulk, and cleared by the nightly run.
        builder.Property(p => p.Days).HasConversion<int>();
        builder.Property(p => p.Shifts).HasConversion<int>();
        builder.Property(p => p.ContentVersion).HasMaxLength(MatchPerson.MaxContentVersionLength);
        builder.Ignore(p => p.Candidate);
    }
}
