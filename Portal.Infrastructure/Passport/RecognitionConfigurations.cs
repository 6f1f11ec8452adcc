using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Passport;

internal sealed class TrustedIssuerConfiguration : IEntityTypeConfiguration<TrustedIssuer>
{
    public void Configure(EntityTypeBuilder<TrustedIssuer> builder)
    {
        builder.ToTable("TrustedIssuers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.IssuerUrl).HasMaxLength(TrustedIssuer.MaxUrlLength);
        builder.Property(t => t.KeysUrl).HasMaxLength(TrustedIssuer.MaxUrlLength);
        builder.Property(t => t.Name).HasMaxLength(TrustedIssuer.MaxNameLength);
        // Who added or removed an entry is kept as a plain id (no foreign key): the list's history outlives an admin's account.
        builder.Property(t => t.AddedBy).HasMaxLength(450);
        builder.Property(t => t.RemovedBy).HasMaxLength(450);
        builder.Ignore(t => t.Active);
        builder.HasIndex(t => t.IssuerUrl);
    }
}

internal sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> builder)
    {
        builder.ToTable("Recognitions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CredentialId).HasMaxLength(Recognition.MaxCredentialIdLength);
        builder.Property(r => r.IssuerUrl).HasMaxLength(Recognition.MaxCredentialIdLength);
        builder.Property(r => r.IssuerName).HasMaxLength(Recognition.MaxNameLength);
        builder.Property(r => r.AchievementId).HasMaxLength(Recognition.MaxCredentialIdLength);
        builder.Property(r => r.AchievementName).HasMaxLength(Recognition.MaxNameLength);
        builder.Property(r => r.ModuleSlug).HasMaxLength(100);
        builder.Property(r => r.StatusListUrl).HasMaxLength(Recognition.MaxCredentialIdLength);
        builder.Property(r => r.RecognisedBy).HasMaxLength(450);
        // A credential is recognised once per person and organisation: a second confirm (another tab, a retry) loses on the key.
        builder.HasIndex(r => new { r.OrganisationId, r.UserId, r.CredentialId }).IsUnique();
        // The daily check walks what may still count, in id order.
        builder.HasIndex(r => new { r.RevokedFoundAtUtc, r.Id });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
