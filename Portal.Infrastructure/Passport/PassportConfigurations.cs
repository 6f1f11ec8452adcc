using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Passport;

internal sealed class BadgeSigningKeyConfiguration : IEntityTypeConfiguration<BadgeSigningKey>
{
    public void Configure(EntityTypeBuilder<BadgeSigningKey> builder)
    {
        builder.ToTable("BadgeSigningKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(BadgeSigningKey.IdLength);
        builder.Property(k => k.Modulus).HasMaxLength(BadgeSigningKey.MaxPartLength);
        builder.Property(k => k.Exponent).HasMaxLength(BadgeSigningKey.MaxPartLength);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(BadgeSigningKey.MaxProtectedLength);
        builder.HasIndex(k => k.CreatedAtUtc);
    }
}

internal sealed class PassportCredentialConfiguration : IEntityTypeConfiguration<PassportCredential>
{
    public void Configure(EntityTypeBuilder<PassportCredential> builder)
    {
        builder.ToTable("PassportCredentials");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SourceKey).HasMaxLength(PassportCredential.MaxSourceKeyLength);
        builder.Property(c => c.AchievementId).HasMaxLength(PassportCredential.MaxAchievementIdLength);
        builder.Property(c => c.AchievementName).HasMaxLength(PassportCredential.MaxNameLength);
        builder.Property(c => c.NameAtIssue).HasMaxLength(PassportCredential.MaxNameLength);
        builder.Property(c => c.KeyId).HasMaxLength(PassportCredential.MaxKeyIdLength);
        builder.Property(c => c.Jws).HasMaxLength(PassportCredential.MaxJwsLength);
        builder.Property(c => c.RevokedBy).HasMaxLength(450);
        builder.Property(c => c.RevokedReason).HasMaxLength(PassportCredential.MaxReasonLength);
        builder.Ignore(c => c.Revoked);
        // Issued once per achievement: a retry, a second tab or a second node inserts the same key and loses.
        builder.HasIndex(c => new { c.UserId, c.SourceKey }).IsUnique();
        // One bit per credential: two credentials can never share a revocation bit.
        builder.HasIndex(c => new { c.StatusList, c.StatusIndex }).IsUnique();
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PassportShareConfiguration : IEntityTypeConfiguration<PassportShare>
{
    public void Configure(EntityTypeBuilder<PassportShare> builder)
    {
        builder.ToTable("PassportShares");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TokenHash).HasMaxLength(PassportShare.TokenHashLength).IsFixedLength();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.ShareId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).HasField("_items");
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PassportShareItemConfiguration : IEntityTypeConfiguration<PassportShareItem>
{
    public void Configure(EntityTypeBuilder<PassportShareItem> builder)
    {
        builder.ToTable("PassportShareItems");
        builder.HasKey(i => new { i.ShareId, i.CredentialId });
        // Erasing a person removes their credentials, and with them every share of them.
        builder.HasOne<PassportCredential>().WithMany().HasForeignKey(i => i.CredentialId).OnDelete(DeleteBehavior.NoAction);
    }
}
