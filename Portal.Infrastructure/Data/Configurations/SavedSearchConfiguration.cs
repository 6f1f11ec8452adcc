using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("SavedSearches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        builder.Property(s => s.Query).HasMaxLength(SavedSearch.MaxQueryLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        // The alerts run picks searches due by frequency and last run.
        builder.HasIndex(s => new { s.Frequency, s.LastRunAtUtc });
        // A run saves the new last-run time only if nobody else moved it first: one digest per window.
        builder.Property(s => s.LastRunAtUtc).IsConcurrencyToken();
    }
}
