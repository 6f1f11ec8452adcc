using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class NavigationCaseConfiguration : IEntityTypeConfiguration<NavigationCase>
{
    public void Configure(EntityTypeBuilder<NavigationCase> builder)
    {
        builder.ToTable("NavigationCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.HelpWith).HasMaxLength(NavigationCase.MaxHelpWithLength);
        builder.Property(c => c.Phone).HasMaxLength(NavigationCase.MaxContactDetailLength);
        builder.Property(c => c.ContactTimes).HasMaxLength(NavigationCase.MaxContactDetailLength);
        builder.Property(c => c.NavigatorId).HasMaxLength(450);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.Visible);
        builder.Ignore(c => c.InQueue);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // The caseload and the queue both start from the organisation.
        builder.HasIndex(c => new { c.OrganisationId, c.Stage });
        builder.HasIndex(c => c.UserId);
        builder.HasIndex(c => c.NavigatorId);
        // One open case per person, held by the database: two requests at once cannot both open one.
        // Double-quoted names are standard SQL that SQLite, PostgreSQL and SQL Server (whose filtered
        // indexes need QUOTED_IDENTIFIER on anyway) all read the same.
        builder.HasIndex(c => c.UserId, "IX_NavigationCases_UserId_Open").IsUnique().HasFilter("\"Stage\" <> 'Closed'");
    }
}

internal sealed class HelpInvitationConfiguration : IEntityTypeConfiguration<HelpInvitation>
{
    public void Configure(EntityTypeBuilder<HelpInvitation> builder)
    {
        builder.ToTable("HelpInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(HelpInvitation.MaxNameLength);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.NavigatorId).HasMaxLength(450);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.OrganisationId, i.Email });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> builder)
    {
        builder.ToTable("PlanSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Details).HasMaxLength(PlanStep.MaxDetailsLength);
        builder.Property(s => s.Link).HasMaxLength(PlanStep.MaxLinkLength);
        builder.Ignore(s => s.IsDone);
        builder.Ignore(s => s.CompletesItself);
        builder.HasOne<NavigationCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CaseId, s.Status });
        // A pass or an application finds the open steps that name it.
        builder.HasIndex(s => new { s.Kind, s.Link });
    }
}

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> builder)
    {
        builder.ToTable("ContactNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).HasMaxLength(ContactNote.MaxTextLength);
        builder.Property(n => n.WrittenBy).HasMaxLength(450);
        builder.HasOne<NavigationCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.CaseId);
    }
}

internal sealed class CircumstancesConfiguration : IEntityTypeConfiguration<Circumstances>
{
    public void Configure(EntityTypeBuilder<Circumstances> builder)
    {
        builder.ToTable("Circumstances");
        builder.HasKey(c => c.UserId);
        builder.Property(c => c.Details).HasMaxLength(Circumstances.MaxDetailsLength);
        builder.Property(c => c.Barriers).HasMaxLength(300).HasConversion(
            new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<BarrierKind>, string>(
                list => string.Join(',', list),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.Parse<BarrierKind>(s)).ToList()),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<BarrierKind>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, barrier) => HashCode.Combine(hash, barrier)),
                list => list.ToList()));
        builder.Ignore(c => c.IsEmpty);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
