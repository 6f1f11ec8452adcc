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
        // ...and its first look, for the kinds a person is waiting for (MailKinds.Prompt), found
        // without reading past a bulk run's backlog.
        builder.HasIndex(m => new { m.Status, m.Kind, m.NextAttemptUtc });
        builder.HasIndex(m => m.LockToken);
        // Saving a row checks it is still ours: a run whose lease was taken over fails instead of overwriting.
        builder.Property(m => m.LockToken).IsConcurrencyToken();
        // ...and still in the state it was read in: an admin's retry read from a dead letter cannot
        // land on a row that was meanwhile retried by someone else and sent (it would go twice).
        builder.Property(m => m.Status).IsConcurrencyToken();
        // Rows written before kinds were recorded read as Other.
        builder.Property(m => m.Kind).HasDefaultValue(MailKind.Other);
        // The health counts: the oldest pending message, and mail sent in the last hour and day.
        // Both stay cheap when the table holds a city's sent mail.
        builder.HasIndex(m => new { m.Status, m.CreatedUtc });
        builder.HasIndex(m => m.SentUtc);
    }
}
