using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(OutgoingMail.MaxAddressLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.MaxSubjectLength).IsRequired();
        builder.Property(m => m.TextBody).HasMaxLength(OutgoingMail.MaxBodyLength).IsRequired();
        builder.Property(m => m.HtmlBody).HasMaxLength(OutgoingMail.MaxBodyLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.Property(m => m.DedupeKey).HasMaxLength(OutboxMessage.MaxDedupeKeyLength);
        builder.HasIndex(m => m.DedupeKey).IsUnique();
        // The delivery job's claim query: pending rows whose time has come, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc, m.Id });
        builder.HasIndex(m => m.LockToken);
        // Saving a row checks it is still ours: a run whose lease was taken over fails instead of overwriting.
        builder.Property(m => m.LockToken).IsConcurrencyToken();
    }
}
