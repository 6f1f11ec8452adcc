using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.JobRole).HasMaxLength(80);
        builder.Property(m => m.Team).HasMaxLength(Membership.MaxTeamLength);
        builder.Property(m => m.PractitionerGrantedBy).HasMaxLength(450);
        builder.Ignore(m => m.Active);
        builder.HasMany(m => m.Jobs).WithOne().HasForeignKey(j => j.MembershipId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Jobs).HasField("_jobs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // Every organisation-scoped query starts from "which organisations is this person in".
        builder.HasIndex(m => new { m.UserId, m.OrganisationId });
    }
}
