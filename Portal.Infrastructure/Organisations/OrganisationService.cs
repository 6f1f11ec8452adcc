using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Names;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Organisations;

/// <summary>Organisations and who works in them. Creating an organisation and adding its first people is an admin's job.</summary>
public sealed class OrganisationService(PortalDbContext db, UserManager<PortalUser> users, PostcodeDistricts postcodes, TimeProvider clock, AuditLog audit)
{
    public sealed record OrganisationSummary(Guid Id, string Name, OrganisationType Type, string Postcode, int Members);

    public sealed record Member(long MembershipId, string Name, string Email, MembershipRole Role, DateTime Since);

    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OrganisationSummary(o.Id, o.Name, o.Type, o.Postcode,
                db.Set<Membership>().Count(m => m.OrganisationId == o.Id && m.EndedAtUtc == null)))
            .ToListAsync(cancellationToken);

    public Task<Organisation?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <returns>The new organisation, or what is wrong with the form.</returns>
    public async Task<Result<Organisation>> CreateAsync(string name, OrganisationType type, string? cqcLocationId, string postcode, CancellationToken cancellationToken = default)
    {
        if (ShownNames.Problem(name, "The organisation's name") is { } nameProblem)
            return Result.Invalid("Name", nameProblem);
        var (location, problem) = postcodes.Locate(postcode);
        if (location is null)
            return Result.Invalid("Postcode", problem!);
        var cqc = cqcLocationId?.Trim();
        if (!string.IsNullOrEmpty(cqc) && await db.Set<Organisation>().AnyAsync(o => o.CqcLocationId == cqc, cancellationToken))
            return Result.Invalid("CqcLocationId", "An organisation with this CQC location id is already on the portal");
        var organisation = Organisation.Create(name, type, cqcLocationId, location.Postcode, clock.GetUtcNow().UtcDateTime);
        db.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(organisation);
    }

    /// <summary>Records where an organisation mainly gives care (null: not recorded). An unknown organisation is not found.</summary>
    public async Task<Result> ChangeSettingAsync(Guid organisationId, CareSetting? setting, CancellationToken cancellationToken = default)
    {
        if (setting is { } value && !Enum.IsDefined(value))
            return Result.Invalid("Setting", "Choose a care setting from the list");
        if (await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is not { } organisation)
            return Result.NotFound();
        organisation.ChangeSetting(setting);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    public async Task<IReadOnlyList<Member>> MembersAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.EndedAtUtc == null)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.DisplayName, u.Email, m.Role, m.StartedAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Member(r.Id, r.DisplayName ?? r.Email!, r.Email!, r.Role, r.StartedAtUtc)).OrderBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// Adds someone who already has an account to the organisation in a role, and gives their account
    /// the matching site role.
    /// </summary>
    public async Task<Result> AddMemberAsync(Guid organisationId, string email, MembershipRole role, CancellationToken cancellationToken = default)
    {
        if (role == MembershipRole.Staff)
            return Result.Invalid("Role", "Staff join by an invitation from their manager, which says what their job is");
        if (await FindAsync(organisationId, cancellationToken) is null)
            return Result.NotFound();
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
            return Result.Invalid("Email", "No account has that email address. Ask them to create one first");
        if (await IsActiveMemberAsync(organisationId, user.Id, role, cancellationToken))
            return Result.Invalid("Email", $"They are already a {role.ToString().ToLowerInvariant()} here");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await JoinAsync(user, organisationId, role, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }

    internal Task<bool> IsActiveMemberAsync(Guid organisationId, string userId, MembershipRole role, CancellationToken cancellationToken) =>
        db.Set<Membership>().AnyAsync(m => m.OrganisationId == organisationId && m.UserId == userId && m.Role == role && m.EndedAtUtc == null, cancellationToken);

    /// <summary>
    /// Starts the membership (unless it is already active) and makes sure the account has the
    /// matching site role, saving inside the caller's transaction along with anything else pending.
    /// </summary>
    internal async Task JoinAsync(PortalUser user, Guid organisationId, MembershipRole role, StaffTerms? staff, CancellationToken cancellationToken)
    {
        var active = await db.Set<Membership>().Include(m => m.Jobs).FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.UserId == user.Id && m.Role == role && m.EndedAtUtc == null, cancellationToken);
        if (active is null)
        {
            db.Add(Membership.Start(organisationId, user.Id, role, clock.GetUtcNow().UtcDateTime, staff?.JobRole, staff?.Team, staff?.Practitioner ?? false, staff?.GrantedBy, staff?.Apprentice ?? false));
            audit.Add(AuditAction.MembershipStarted, AuditSubject.Account, user.Id, organisationId, role.ToString().ToLowerInvariant() + (staff is null ? "" : $" ({staff.JobRole})"));
        }
        // Staff invited again take the new job: the same person, the same record, a new role.
        else if (staff is not null)
            active.ChangeJob(staff.JobRole, staff.Team, staff.Practitioner, staff.GrantedBy, clock.GetUtcNow().UtcDateTime, staff.Apprentice);
        await db.SaveChangesAsync(cancellationToken);
        // Staff need no site role: their own pages are everyone's, and their manager sees them.
        if (role == MembershipRole.Staff)
            return;
        var siteRole = role switch
        {
            MembershipRole.Recruiter => PortalRoles.Recruiter,
            MembershipRole.Navigator => PortalRoles.Navigator,
            _ => PortalRoles.Manager,
        };
        if (!await users.IsInRoleAsync(user, siteRole))
        {
            var result = await users.AddToRoleAsync(user, siteRole);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public sealed record StaffMember(long MembershipId, Guid OrganisationId, string OrganisationName, string UserId, string Name, string Email, string JobRole, string? Team, bool Practitioner, DateTime StartedAtUtc);

    /// <summary>The organisations the person manages, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ManagingAsync(string userId, CancellationToken cancellationToken = default)
    {
        var mine = OrganisationsOf(userId, MembershipRole.Manager);
        var rows = await db.Set<Organisation>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>Current staff of every organisation the person manages, and nobody else's.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffOfAsync(string managerId, CancellationToken cancellationToken = default)
    {
        var mine = OrganisationsOf(managerId, MembershipRole.Manager);
        var rows = await db.Set<Membership>().AsNoTracking()
            .Where(m => mine.Contains(m.OrganisationId) && m.Role == MembershipRole.Staff && m.EndedAtUtc == null)
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { m, o.Name })
            .Join(db.Users, x => x.m.UserId, u => u.Id, (x, u) => new { MembershipId = x.m.Id, x.m.OrganisationId, OrganisationName = x.Name, u.Id, u.DisplayName, u.Email, x.m.JobRole, x.m.Team, x.m.Practitioner, x.m.StartedAtUtc })
            .OrderBy(r => r.OrganisationName).ThenBy(r => r.DisplayName).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StaffMember(r.MembershipId, r.OrganisationId, r.OrganisationName, r.Id, PortalUser.ShownName(r.DisplayName, r.Email), r.Email!, r.JobRole!, r.Team, r.Practitioner, r.StartedAtUtc))];
    }

    /// <summary>The organisations a person is an active member of in a role: the root of every scoped query.</summary>
    public IQueryable<Guid> OrganisationsOf(string userId, MembershipRole role) =>
        db.Set<Membership>().Where(m => m.UserId == userId && m.Role == role && m.EndedAtUtc == null).Select(m => m.OrganisationId);
}
