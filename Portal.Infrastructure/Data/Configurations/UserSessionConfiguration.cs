using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.Property(s => s.UserId).IsRequired();
        // 1-3 KB once encrypted; bytes, so no string length applies (SQL Server's varbinary stops at 8000 unless unbounded).
        builder.Property(s => s.Ticket).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(UserSession.MaxDeviceLength).IsRequired();
        // Deleting an account ends its sessions with it.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        // Finding the dead ones to delete.
        builder.HasIndex(s => s.AbsoluteExpiresUtc);
    }
}
