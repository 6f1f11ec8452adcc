using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Domain.Training.Offline;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Training.Offline;

internal sealed class OfflineReceiptConfiguration : IEntityTypeConfiguration<OfflineReceipt>
{
    public void Configure(EntityTypeBuilder<OfflineReceipt> builder)
    {
        builder.ToTable("OfflineReceipts");
        // The phone's key is the primary key: two sends of one item insert the same key and one loses.
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).ValueGeneratedNever();
        builder.Property(r => r.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(OfflineReceipt.MaxMessageLength);
        builder.HasIndex(r => new { r.UserId, r.ReceivedAtUtc });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
