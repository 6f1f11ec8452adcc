using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

/// <summary>
/// A list of content slugs as one column. Slugs never contain a comma, so a comma-separated column
/// is exact and portable across the three providers.
/// </summary>
internal static class SlugList
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Converter = new(
        list => string.Join(',', list),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, slug) => HashCode.Combine(hash, slug.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());
}

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

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.JobRole).HasMaxLength(80);
        builder.Property(m => m.Team).HasMaxLength(Membership.MaxTeamLength);
        builder.Property(m => m.PractitionerGrantedBy).HasMaxLength(450);
        builder.Ignore(m => m.Active);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // Every organisation-scoped query starts from "which organisations is this person in".
        builder.HasIndex(m => new { m.UserId, m.OrganisationId });
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> builder)
    {
        builder.ToTable("Vacancies");
        builder.HasKey(v => v.Id);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.ComplexProperty(v => v.Details, details =>
        {
            details.Property(d => d.CareerRole).HasMaxLength(80).HasColumnName("CareerRole");
            details.Property(d => d.Title).HasMaxLength(VacancyDetails.MaxTitleLength).HasColumnName("Title");
            details.Property(d => d.DescriptionMarkdown).HasMaxLength(VacancyDetails.MaxDescriptionLength).HasColumnName("Description");
            details.Property(d => d.HourlyPay).HasPrecision(7, 2).HasColumnName("HourlyPay");
            details.Property(d => d.HoursPerWeek).HasPrecision(5, 2).HasColumnName("HoursPerWeek");
            details.Property(d => d.Days).HasConversion<int>().HasColumnName("Days");
            details.Property(d => d.Shifts).HasConversion<int>().HasColumnName("Shifts");
            details.Property(d => d.PayBasis).HasColumnName("PayBasis");
            details.Property(d => d.GuaranteedHours).HasColumnName("GuaranteedHours");
            details.Property(d => d.PaidTravelTime).HasColumnName("PaidTravelTime");
            details.Property(d => d.PaidTraining).HasColumnName("PaidTraining");
            details.Property(d => d.DrivingLicenceRequired).HasColumnName("DrivingLicenceRequired");
            details.Property(d => d.ClosingDate).HasColumnName("ClosingDate");
            details.Property(d => d.RequiredModules).HasColumnName("RequiredModules").HasMaxLength(2000)
                .HasConversion(SlugList.Converter, SlugList.Comparer);
            details.Property(d => d.RequiredProgrammes).HasColumnName("RequiredProgrammes").HasMaxLength(2000)
                .HasConversion(SlugList.Converter, SlugList.Comparer);
            details.ComplexProperty(d => d.Location, location =>
            {
                location.Property(l => l.Postcode).HasMaxLength(10).HasColumnName("Postcode");
                location.Property(l => l.District).HasMaxLength(6).HasColumnName("District");
                location.Property(l => l.Latitude).HasColumnName("Latitude");
                location.Property(l => l.Longitude).HasColumnName("Longitude");
            });
        });
        builder.HasIndex(v => v.Status);
        // The job index re-reads what changed since it last looked.
        builder.HasIndex(v => v.UpdatedAtUtc);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Note).HasMaxLength(Application.MaxNoteLength);
        builder.Ignore(a => a.IsFinished);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(a => a.VacancyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        // One application per person per vacancy: a second click, or two tabs, cannot make another.
        builder.HasIndex(a => new { a.VacancyId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.History).HasField("history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("ApplicationEvents");
        builder.HasKey(e => e.Id);
    }
}

internal sealed class CandidateProfileConfiguration : IEntityTypeConfiguration<CandidateProfile>
{
    public void Configure(EntityTypeBuilder<CandidateProfile> builder)
    {
        builder.ToTable("CandidateProfiles");
        builder.HasKey(p => p.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Days).HasConversion<int>();
        builder.Property(p => p.Shifts).HasConversion<int>();
        builder.Property(p => p.Languages).HasMaxLength(CandidateProfile.MaxLanguagesLength);
        builder.Property(p => p.Statement).HasMaxLength(CandidateProfile.MaxStatementLength);
        builder.Property(p => p.WantedRoles).HasMaxLength(2000)
            .HasConversion(SlugList.Converter, SlugList.Comparer);
        builder.Property(p => p.Qualifications).HasMaxLength(2000)
            .HasConversion(SlugList.Converter, SlugList.Comparer);
        builder.Ignore(p => p.Location);
        builder.Property(p => p.MinimumHourlyPay).HasPrecision(7, 2);
        builder.Property(p => p.Postcode).HasMaxLength(10);
        builder.Property(p => p.District).HasMaxLength(6);
        // Matching (the background-work issue) reads only people who said employers may find them.
        builder.HasIndex(p => p.LetEmployersFindMe);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.JobRole).HasMaxLength(80);
        builder.Property(i => i.Team).HasMaxLength(Membership.MaxTeamLength);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class JobMatchConfiguration : IEntityTypeConfiguration<JobMatch>
{
    public void Configure(EntityTypeBuilder<JobMatch> builder)
    {
        builder.ToTable("Matches");
        builder.HasKey(m => new { m.UserId, m.VacancyId });
        // No foreign keys: millions of derived rows are rewritten in bulk, and checking two parents
        // per row doubled the time. Every read joins to the live vacancy and profile, so a row whose
        // person or vacancy is gone is never shown, and the nightly run deletes it.
        builder.Ignore(m => m.Facts);
        // "People who fit" for one vacancy, and a vacancy's rows replaced when it changes.
        builder.HasIndex(m => m.VacancyId);
    }
}

internal sealed class MatchPersonConfiguration : IEntityTypeConfiguration<MatchPerson>
{
    public void Configure(EntityTypeBuilder<MatchPerson> builder)
    {
        builder.ToTable("MatchPeople");
        builder.HasKey(p => p.UserId);
        // No foreign key, like Matches: rewritten in bulk, and cleared by the nightly run.
        builder.Property(p => p.Days).HasConversion<int>();
        builder.Property(p => p.Shifts).HasConversion<int>();
        builder.Property(p => p.ContentVersion).HasMaxLength(MatchPerson.MaxContentVersionLength);
        builder.Ignore(p => p.Candidate);
    }
}

internal sealed class MatchVacancyCutoffConfiguration : IEntityTypeConfiguration<MatchVacancyCutoff>
{
    public void Configure(EntityTypeBuilder<MatchVacancyCutoff> builder)
    {
        builder.ToTable("MatchVacancyCutoffs");
        builder.HasKey(c => c.VacancyId);
    }
}

internal sealed class MatchDismissalConfiguration : IEntityTypeConfiguration<MatchDismissal>
{
    public void Configure(EntityTypeBuilder<MatchDismissal> builder)
    {
        builder.ToTable("MatchDismissals");
        builder.HasKey(d => d.Id);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(d => d.VacancyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Side).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DismissedBy).HasMaxLength(450);
        // Dismissing twice is one dismissal.
        builder.HasIndex(d => new { d.UserId, d.VacancyId, d.Side }).IsUnique();
        builder.HasIndex(d => d.VacancyId);
    }
}

internal sealed class MatchEmailedConfiguration : IEntityTypeConfiguration<MatchEmailed>
{
    public void Configure(EntityTypeBuilder<MatchEmailed> builder)
    {
        builder.ToTable("MatchesEmailed");
        builder.HasKey(e => new { e.UserId, e.VacancyId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Vacancy>().WithMany().HasForeignKey(e => e.VacancyId).OnDelete(DeleteBehavior.Cascade);
    }
}
