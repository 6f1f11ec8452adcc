using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ReminderPreferencesConfiguration : IEntityTypeConfiguration<ReminderPreferences>
{
    public void Configure(EntityTypeBuilder<ReminderPreferences> builder)
    {
        builder.ToTable("ReminderPreferences");
        builder.HasKey(p => p.UserId);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<ReminderPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
