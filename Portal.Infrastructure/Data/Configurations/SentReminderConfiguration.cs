using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("SentReminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        // The durable "sent once" rule: a second node or a rerun cannot insert the same reminder again.
        builder.HasIndex(r => new { r.UserId, r.ModuleSlug, r.Kind, r.DueOn }).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
