using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("Programmes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(Programme.MaxTitleLength);
        builder.Property(p => p.Summary).HasMaxLength(Programme.MaxSummaryLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.OrganisationId);
    }
}

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.ToTable("Cohorts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Venue).HasMaxLength(Cohort.MaxVenueLength);
        builder.Property(c => c.Partners).HasMaxLength(Cohort.MaxPartnersLength);
        builder.Property(c => c.Promise).HasMaxLength(Cohort.MaxPromiseLength);
        builder.Ignore(c => c.PlacesLeft);
        builder.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ProgrammeId, c.StartsOn });
        builder.HasIndex(c => c.StartsOn);
    }
}

internal sealed class CohortSessionConfiguration : IEntityTypeConfiguration<CohortSession>
{
    public void Configure(EntityTypeBuilder<CohortSession> builder)
    {
        builder.ToTable("CohortSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(CohortSession.MaxTitleLength);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(s => s.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CohortId, s.On });
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.EnrolledBy).HasMaxLength(450);
        builder.HasOne<Cohort>().WithMany().HasForeignKey(e => e.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        // A person holds one place on a cohort: a double click or a navigator and the person at once enrol once.
        builder.HasIndex(e => new { e.CohortId, e.UserId }).IsUnique();
        builder.HasIndex(e => e.UserId);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("Attendances");
        builder.HasKey(a => a.Id);
        builder.HasOne<CohortSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<HubOutcome>
{
    public void Configure(EntityTypeBuilder<HubOutcome> builder)
    {
        builder.ToTable("Outcomes");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Employer).HasMaxLength(HubOutcome.MaxEmployerLength);
        builder.Property(o => o.RecordedBy).HasMaxLength(450);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        // Counted once: the cohort is Guid.Empty, never null, when there is none, so every provider compares it.
        builder.HasIndex(o => new { o.UserId, o.OrganisationId, o.Kind, o.CohortId }).IsUnique();
        builder.HasIndex(o => new { o.OrganisationId, o.Kind });
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("CheckIns");
        builder.HasKey(c => c.Id);
        builder.Ignore(c => c.Counts);
        builder.HasOne<HubOutcome>().WithMany().HasForeignKey(c => c.OutcomeId).OnDelete(DeleteBehavior.Cascade);
        // Asked once per start and week, however many runs or nodes.
        builder.HasIndex(c => new { c.OutcomeId, c.Weeks }).IsUnique();
        builder.HasIndex(c => new { c.OrganisationId, c.FollowedUpAtUtc });
        builder.HasIndex(c => c.UserId);
    }
}
