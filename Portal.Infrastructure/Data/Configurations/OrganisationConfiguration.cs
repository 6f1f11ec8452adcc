using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(o => o.CqcLocationId).HasMaxLength(Organisation.MaxCqcLocationIdLength);
        builder.Property(o => o.Postcode).HasMaxLength(10);
        builder.HasIndex(o => o.Name);
        // One portal organisation per CQC-registered location (many have none).
        builder.HasIndex(o => o.CqcLocationId).IsUnique();
    }
}
