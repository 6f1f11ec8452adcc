using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>
/// Identity sizes these key columns from its run-time options (AddDefaultIdentity sets 128), which
/// design-time tooling never sees. Fixing them here keeps the migrations and the running model equal.
/// </summary>
internal sealed class IdentityKeyLengthConfiguration :
    IEntityTypeConfiguration<IdentityUserLogin<string>>, IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public const int KeyLength = 128;

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.Property(l => l.LoginProvider).HasMaxLength(KeyLength);
        builder.Property(l => l.ProviderKey).HasMaxLength(KeyLength);
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        builder.Property(t => t.LoginProvider).HasMaxLength(KeyLength);
        builder.Property(t => t.Name).HasMaxLength(KeyLength);
    }
}
