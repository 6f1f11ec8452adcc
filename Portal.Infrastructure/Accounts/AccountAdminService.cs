using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Accounts;

/// <summary>
/// What an admin does to a person's account: find them, see their memberships and account state,
/// unlock, disable and enable the account, end a membership, send an invitation again. Each action
/// is written to the audit log in the same transaction as the change, with who did it and when.
/// Admins only: the pages sit behind the admin policy, and nothing here is offered elsewhere.
/// </summary>
public sealed class AccountAdminService(PortalDbContext db, UserManager<PortalUser> users, InvitationService invitations, TimeProvider clock)
{
    public const int MaxSearchLength = 100;
    public const int MaxFound = 25;

    public sealed record Actor(string UserId, string? IpAddress);

    public sealed record Found(string Id, string Name, string Email, bool Disabled);

    public sealed record MembershipRow(long Id, string Organisation, MembershipRole Role, string? JobRole, DateTime StartedUtc, DateTime? EndedUtc);

    public sealed record InvitationRow(Guid Id, string Organisation, MembershipRole Role, DateTime ExpiresUtc, bool Expired);

    public sealed record AuditLine(AuditAction Action, string ActorName, DateTime OccurredUtc, string? Details);

    /// <param name="LockedUntilUtc">Set while failed sign-ins keep them out; null when they are not locked.</param>
    public sealed record Person(
        string Id, string Name, string Email, bool EmailConfirmed, bool TwoFactor, bool Disabled, DateTime? LockedUntilUtc,
        IReadOnlyList<MembershipRow> Memberships, IReadOnlyList<InvitationRow> Invitations, IReadOnlyList<AuditLine> History);

    /// <summary>People whose name or email address contains the words, by name; at most <see cref="MaxFound"/>.</summary>
    public async Task<Result<IReadOnlyList<Found>>> FindAsync(string? query, CancellationToken cancellationToken = default)
    {
        var q = query?.Trim() ?? "";
        if (q.Length is 0 or > MaxSearchLength)
            return Result.Invalid("Q", $"Type part of a name or email address, up to {MaxSearchLength} characters");
        var lower = q.ToLowerInvariant();
        // Lower-cased in the query because every provider translates that; the comparison overload is translated by none.
#pragma warning disable CA1862
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Email!.ToLower().Contains(lower) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(lower)))
#pragma warning restore CA1862
            .OrderBy(u => u.DisplayName ?? u.Email).ThenBy(u => u.Id).Take(MaxFound)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return Result.Done<IReadOnlyList<Found>>([.. rows.Select(r => new Found(r.Id, PortalUser.ShownName(r.DisplayName, r.Email), r.Email!, IsDisabled(r.LockoutEnd)))]);
    }

    public async Task<Result<Person>> PersonAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return Result.NotFound();
        var now = clock.GetUtcNow();
        var memberships = await db.Set<Membership>().AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new MembershipRow(m.Id, o.Name, m.Role, m.JobRole, m.StartedAtUtc, m.EndedAtUtc))
            .ToListAsync(cancellationToken);
        var email = (user.Email ?? "").ToLowerInvariant();
        var nowUtc = now.UtcDateTime;
        var pending = await db.Set<Invitation>().AsNoTracking().Where(i => i.Email == email && i.AcceptedAtUtc == null)
            .Join(db.Set<Organisation>(), i => i.OrganisationId, o => o.Id, (i, o) => new InvitationRow(i.Id, o.Name, i.Role, i.ExpiresAtUtc, i.ExpiresAtUtc < nowUtc))
            .ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectKind == AuditSubject.Account && e.SubjectId == userId && AdminActions.Contains(e.Action))
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Take(50)
            .GroupJoin(db.Users, e => e.ActorUserId, u => u.Id, (e, actors) => new { e, actors })
            .SelectMany(x => x.actors.DefaultIfEmpty(), (x, a) => new { x.e.Action, x.e.OccurredUtc, x.e.Details, x.e.Id, a!.DisplayName, a.Email })
            .ToListAsync(cancellationToken);
        return Result.Done(new Person(
            user.Id, PortalUser.ShownName(user.DisplayName, user.Email), user.Email ?? "", user.EmailConfirmed, user.TwoFactorEnabled,
            IsDisabled(user.LockoutEnd), !IsDisabled(user.LockoutEnd) && user.LockoutEnd > now ? user.LockoutEnd.Value.UtcDateTime : null,
            [.. memberships.OrderBy(m => m.EndedUtc is not null).ThenBy(m => m.Organisation, StringComparer.CurrentCulture).ThenBy(m => m.Id)],
            [.. pending.OrderBy(i => i.Expired).ThenBy(i => i.Organisation, StringComparer.CurrentCulture)],
            [.. events.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id)
                .Select(e => new AuditLine(e.Action, e.Email is null ? "Someone no longer here" : PortalUser.ShownName(e.DisplayName, e.Email), e.OccurredUtc, e.Details))]));
    }

    /// <summary>What the person's page lists as done by admins; sign-ins and the rest are in the audit log's search.</summary>
    private static readonly AuditAction[] AdminActions =
        [AuditAction.AccountUnlocked, AuditAction.AccountDisabled, AuditAction.AccountEnabled, AuditAction.MembershipRemoved, AuditAction.InvitationResent];

    /// <summary>Lets back in someone locked out by failed sign-ins.</summary>
    public Task<Result> UnlockAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, AuditAction.AccountUnlocked, async user =>
        {
            if (IsDisabled(user.LockoutEnd))
                return "This account is disabled: enable it to let them sign in";
            if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
                return "This account is not locked";
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            return null;
        }, cancellationToken);

    /// <summary>
    /// Stops them signing in, until an admin enables the account again; their record and memberships
    /// stay. A new security stamp ends the sessions they have open at their next check.
    /// </summary>
    public Task<Result> DisableAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, AuditAction.AccountDisabled, async user =>
        {
            if (user.Id == actor.UserId)
                return "You cannot disable your own account: ask another admin";
            if (IsDisabled(user.LockoutEnd))
                return "This account is already disabled";
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DisabledUntil));
            Check(await users.UpdateSecurityStampAsync(user));
            return null;
        }, cancellationToken);

    public Task<Result> EnableAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, userId, AuditAction.AccountEnabled, async user =>
        {
            if (!IsDisabled(user.LockoutEnd))
                return "This account is not disabled";
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            return null;
        }, cancellationToken);

    /// <summary>Ends one of their memberships (kept, with its end date); their own record is untouched.</summary>
    public async Task<Result> RemoveMembershipAsync(Actor actor, string userId, long membershipId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.Set<Membership>().Where(m => m.Id == membershipId && m.UserId == userId)
            .Join(db.Set<Organisation>(), m => m.OrganisationId, o => o.Id, (m, o) => new { Membership = m, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return Result.NotFound();
        if (!row.Membership.Active)
            return Result.Invalid("", "That membership has already ended");
        var now = clock.GetUtcNow().UtcDateTime;
        row.Membership.End(now);
        Record(actor, AuditAction.MembershipRemoved, userId, now, $"{Role(row.Membership.Role)} at {row.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Emails an invitation not yet accepted again, with a new link that runs for a week.</summary>
    /// <param name="link">Builds the accept link from the new token.</param>
    public async Task<Result> ResendInvitationAsync(Actor actor, string userId, Guid invitationId, Func<string, string> link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
            return Result.NotFound();
        var lower = email.ToLowerInvariant();
        var row = await db.Set<Invitation>().Where(i => i.Id == invitationId && i.Email == lower)
            .Join(db.Set<Organisation>(), i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return Result.NotFound();
        if (row.Invitation.AcceptedAtUtc is not null)
            return Result.Invalid("", "That invitation has already been accepted");
        await invitations.RenewAsync(row.Invitation, row.Name, link);
        Record(actor, AuditAction.InvitationResent, userId, clock.GetUtcNow().UtcDateTime, $"{Role(row.Invitation.Role)} at {row.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Identity's own changes and the audit line, committed together or not at all.</summary>
    private async Task<Result> ChangeAsync(Actor actor, string userId, AuditAction action, Func<PortalUser, Task<string?>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return Result.NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(user) is { } refusal)
            return Result.Invalid("", refusal);
        Record(actor, action, userId, clock.GetUtcNow().UtcDateTime, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }

    private void Record(Actor actor, AuditAction action, string userId, DateTime now, string? details) =>
        db.AuditEvents.Add(AuditEvent.Record(action, actor.UserId, AuditSubject.Account, userId, now, ipAddress: actor.IpAddress, details: details));

    /// <summary>
    /// Disabled is a lockout with no end in sight: Identity's own sign-in then refuses them, as for
    /// any lockout, with no column of our own. Not <see cref="DateTimeOffset.MaxValue"/>, which
    /// PostgreSQL would store as infinity.
    /// </summary>
    private static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    internal static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledUntil;

    private static string Role(MembershipRole role) => role.ToString().ToLower(CultureInfo.InvariantCulture);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
