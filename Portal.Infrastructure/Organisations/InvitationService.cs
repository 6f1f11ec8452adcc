using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Email.Templates;

namespace Portal.Infrastructure.Organisations;

/// <summary>
/// Invitations to join an organisation. An admin may invite anyone to any role; a member may invite
/// colleagues to their own role in their own organisation. Accepting adds the membership and the
/// matching site role for that organisation only.
/// </summary>
public sealed class InvitationService(
    PortalDbContext db, UserManager<PortalUser> users, OrganisationService organisations, Outbox outbox, MailTemplates templates,
    IOptions<OrganisationLimits> limits, TimeProvider clock)
{
    /// <summary>Sends an invitation, or says which field stops it.</summary>
    /// <param name="link">Builds the accept link from the invitation's token.</param>
    /// <param name="staff">For staff (invited by a manager of the organisation): their job, team, and whether they sign off competencies.</param>
    public async Task<Result> InviteAsync(string inviterId, bool inviterIsAdmin, Guid organisationId, string email, MembershipRole role, Func<string, string> link, StaffTerms? staff = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var jobRole = staff?.JobRole;
        if (staff?.Team?.Trim().Length > Membership.MaxTeamLength)
            return Result.Invalid("Team", $"Keep the team name to {Membership.MaxTeamLength} characters");
        if ((role == MembershipRole.Staff) != !string.IsNullOrEmpty(jobRole))
            return Result.Invalid("JobRole", role == MembershipRole.Staff ? "Choose their job" : "Only staff have a job role");
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        // Managers invite their staff; everyone else invites colleagues to their own role.
        var member = await organisations.IsActiveMemberAsync(organisationId, inviterId, role == MembershipRole.Staff ? MembershipRole.Manager : role, cancellationToken);
        // Not an admin and not a member in that role: the organisation might as well not exist. It is
        // the form's choice that is wrong (the page lists the person's own), so the form says so.
        if (organisation is null || (!inviterIsAdmin && !member))
            return Result.Invalid("OrganisationId", "That organisation was not found");

        if (await LimitReachedAsync(inviterId, organisationId, email, organisation.Name, cancellationToken) is { } limit)
            return limit;

        var (invitation, token) = Invitation.Create(organisationId, email, role, inviterId, clock.GetUtcNow().UtcDateTime, jobRole, staff?.Team, staff?.Practitioner ?? false, staff?.Apprentice ?? false);
        db.Add(invitation);
        outbox.Enqueue(await InvitationMailAsync(invitation, organisation.Name, link(token)), kind: MailKind.Invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    // Each invitation is an email to an address anyone can type. One that is still open is not sent
    // again; past that, one person sends only so many a day, and one address receives only so many.
    private async Task<FieldProblem?> LimitReachedAsync(string inviterId, Guid organisationId, string email, string organisationName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        var address = email.Trim().ToLowerInvariant();
        var open = await db.Set<Invitation>().AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.Email == address && i.AcceptedAtUtc == null && i.ExpiresAtUtc > now)
            .Select(i => (DateTime?)i.ExpiresAtUtc).MaxAsync(cancellationToken);
        if (open is { } expires)
            return new FieldProblem("Email", $"{address} already has an invitation to join {organisationName}, which works until {expires.UkDate()}");
        if (await db.Set<Invitation>().CountAsync(i => i.InvitedBy == inviterId && i.CreatedAtUtc >= dayAgo, cancellationToken) >= limits.Value.InvitationsPerPersonPerDay)
            return new FieldProblem("Email", "You have sent as many invitations today as we allow. Please try again tomorrow");
        if (await db.Set<Invitation>().CountAsync(i => i.Email == address && i.CreatedAtUtc >= dayAgo, cancellationToken) >= limits.Value.InvitationsPerRecipientPerDay)
            return new FieldProblem("Email", "This address has been sent as many invitations today as we allow. Please try again tomorrow");
        return null;
    }

    public async Task<(Invitation Invitation, string OrganisationName)?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Invitation.Hash(token ?? "");
        var row = await db.Set<Invitation>().AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.Set<Organisation>(), i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Invitation, row.Name);
    }

    /// <summary>Accepts for the signed-in person; when refused, nothing changed and the problem says why.</summary>
    public async Task<Result> AcceptAsync(string userId, string token, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        var hash = Invitation.Hash(token ?? "");
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (user is null || invitation is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.Refusal(user.Email ?? "", now) is { } refusal)
            return Result.Invalid("", refusal);
        if (invitation.Practitioner && invitation.InvitedBy == userId)
            return Result.Invalid("", "You cannot make yourself a practitioner: ask another manager or an administrator to invite you");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        invitation.Accept(userId, user.Email!, now);
        await organisations.JoinAsync(user, invitation.OrganisationId, invitation.Role,
            invitation.JobRole is { } job ? new StaffTerms(job, invitation.Team, invitation.Practitioner, invitation.InvitedBy, invitation.Apprenticeship) : null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// A new link for an invitation not yet accepted, emailed, added to the caller's unit of work:
    /// the old link stops working and the new one runs for a full week.
    /// </summary>
    internal async Task RenewAsync(Invitation invitation, string organisationName, Func<string, string> link)
    {
        var token = invitation.Renew(clock.GetUtcNow().UtcDateTime);
        outbox.Enqueue(await InvitationMailAsync(invitation, organisationName, link(token)), kind: MailKind.Invitation);
    }

    private Task<OutgoingMail> InvitationMailAsync(Invitation invitation, string organisationName, string acceptLink)
    {
        var portal = templates.Site.PortalName;
        var what = invitation.Role == MembershipRole.Staff ? ", so your training record shows what your job there needs" : $" as a {invitation.Role.ToString().ToLowerInvariant()}";
        return templates.RenderAsync<NoticeMail>(invitation.Email, $"Join {organisationName} on the {portal}", new NoticeMail.Model(
            null, $"Join {organisationName}",
            [$"You are invited to join {organisationName} on the {portal}{what}.", "Sign in, or create an account with this email address first, then accept."],
            new MailAction("Accept the invitation", acceptLink),
            [$"The link works once and expires on {invitation.ExpiresAtUtc.UkDate()}. If you were not expecting it, ignore this email."],
            organisationName));
    }
}
