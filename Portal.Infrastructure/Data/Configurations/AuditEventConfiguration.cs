using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorUserId).HasMaxLength(AuditEvent.MaxUserIdLength);
        builder.Property(e => e.SubjectId).HasMaxLength(AuditEvent.MaxSubjectIdLength).IsRequired();
        builder.Property(e => e.IpAddress).HasMaxLength(AuditEvent.MaxIpAddressLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEvent.MaxDetailsLength);
        // What happened to this thing, newest first.
        builder.HasIndex(e => new { e.SubjectKind, e.SubjectId, e.OccurredUtc });
        // The latest events of a kind (the mail page's recent actions).
        builder.HasIndex(e => new { e.Action, e.OccurredUtc });
        // An admin's search by who did it, and the retention run's oldest-first removal.
        builder.HasIndex(e => new { e.ActorUserId, e.OccurredUtc });
        builder.HasIndex(e => e.OccurredUtc);
    }
}
