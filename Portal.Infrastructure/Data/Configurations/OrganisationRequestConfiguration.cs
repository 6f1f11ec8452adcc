using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OrganisationRequestConfiguration : IEntityTypeConfiguration<OrganisationRequest>
{
    public void Configure(EntityTypeBuilder<OrganisationRequest> builder)
    {
        builder.ToTable("OrganisationRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(Organisation.MaxNameLength);
        builder.Property(r => r.CqcLocationId).HasMaxLength(Organisation.MaxCqcLocationIdLength);
        builder.Property(r => r.Postcode).HasMaxLength(10);
        builder.Property(r => r.Note).HasMaxLength(OrganisationRequest.MaxNoteLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(OrganisationRequest.MaxReasonLength);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RequestedBy).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        // The admin's queue is the pending ones, oldest first; a person sees their own.
        builder.HasIndex(r => new { r.Status, r.RequestedAtUtc });
        builder.HasIndex(r => r.RequestedBy);
    }
}
