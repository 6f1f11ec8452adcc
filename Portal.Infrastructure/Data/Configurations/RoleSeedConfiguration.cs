using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>Roles are reference data: seeded by migration so every node and every database agrees on them.</summary>
internal sealed class RoleSeedConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.HasData(PortalRoles.All.Select(name => new IdentityRole
        {
            Id = "role-" + name.ToLowerInvariant(),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = "seed-" + name.ToLowerInvariant(),
        }));
    }
}
