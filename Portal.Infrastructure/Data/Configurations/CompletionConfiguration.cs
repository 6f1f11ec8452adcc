using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class CompletionConfiguration : IEntityTypeConfiguration<Completion>
{
    public void Configure(EntityTypeBuilder<Completion> builder)
    {
        builder.ToTable("Completions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ModuleSlug).HasMaxLength(ModuleProgress.MaxSlugLength);
        builder.Property(c => c.ContentVersion).HasMaxLength(ModuleProgress.MaxVersionLength);
        builder.Property(c => c.VerificationCode).HasMaxLength(Completion.MaxVerificationCodeLength);
        builder.Property(c => c.CertificateName).HasMaxLength(Completion.MaxCertificateNameLength);
        // One completion per round: a double submit or a second tab inserts the same key and loses.
        builder.HasIndex(c => new { c.UserId, c.ModuleSlug, c.Round }).IsUnique();
        // "Latest completion of each module" for a person or a staff list reads this index alone.
        builder.HasIndex(c => new { c.UserId, c.ModuleSlug, c.CompletedAtUtc });
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        // The hourly insight rollup reads the last month or two of passes, not all three million.
        builder.HasIndex(c => c.CompletedAtUtc);
        // Deleting an account erases its record too; its certificates then no longer verify.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
