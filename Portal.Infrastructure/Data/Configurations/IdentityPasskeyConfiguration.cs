using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>
/// Passkeys, as Identity's schema version 3 maps them. Identity adds this table only when the
/// options in the context's own service provider ask for version 3, and design-time tooling and
/// contexts made outside the app have none: without this, `dotnet ef` would see no passkey table,
/// and a migration made there would drop it. Mapped here, every context has the same model.
/// </summary>
internal sealed class IdentityPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    public const int CredentialIdLength = 1024;

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> builder)
    {
        builder.HasKey(p => p.CredentialId);
        builder.ToTable("AspNetUserPasskeys");
        builder.Property(p => p.CredentialId).HasMaxLength(CredentialIdLength);
        builder.OwnsOne(p => p.Data).ToJson();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
    }
}
