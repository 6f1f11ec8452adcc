using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Names;
using Portal.Domain.Navigation;
using Portal.Domain.Notifications;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Email.Templates;
using Portal.Infrastructure.Organisations;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// A navigator invites someone they met to join the hub on the portal. Only the name, the address and
/// the invitation are kept until the person, signed in with that address, consents; then the case
/// opens on that navigator's caseload and the invitation goes.
/// </summary>
public sealed class HelpInvitationService(
    PortalDbContext db, UserManager<PortalUser> users, OrganisationService organisations, Outbox outbox, MailTemplates templates,
    IOptions<OrganisationLimits> limits, TimeProvider clock)
{
    public sealed record Pending(Guid Id, string Name, string Email, DateTime SentAtUtc, DateTime ExpiresAtUtc);

    public sealed record Found(HelpInvitation Invitation, string HubName, string NavigatorName);

    /// <summary>The navigator's organisations, by name: where an invitation can come from.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HubsOfAsync(string navigatorId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        var rows = await db.Set<Organisation>().AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>Invitations from the navigator's organisations not yet accepted and still working.</summary>
    public async Task<IReadOnlyList<Pending>> PendingAsync(string navigatorId, CancellationToken cancellationToken = default)
    {
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<HelpInvitation>().AsNoTracking().Where(i => mine.Contains(i.OrganisationId) && i.ExpiresAtUtc > now)
            .OrderBy(i => i.CreatedAtUtc).Select(i => new Pending(i.Id, i.Name, i.Email, i.CreatedAtUtc, i.ExpiresAtUtc)).ToListAsync(cancellationToken);
        return rows;
    }

    /// <param name="link">Builds the join link from the invitation's token.</param>
    public async Task<Result> InviteAsync(string navigatorId, Guid? hub, string? name, string? email, Func<string, string> link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (ShownNames.Problem(name, "Their name") is { } nameProblem)
            return Result.Invalid("Name", nameProblem);
        if (name!.Trim().Length > HelpInvitation.MaxNameLength)
            return Result.Invalid("Name", $"Keep the name to {HelpInvitation.MaxNameLength} characters");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal) || email.Trim().Length > 256)
            return Result.Invalid("Email", "Enter an email address like name@example.com");
        var hubs = await HubsOfAsync(navigatorId, cancellationToken);
        var from = hub is { } chosen ? hubs.FirstOrDefault(h => h.Id == chosen) : hubs.Count > 0 ? hubs[0] : default;
        if (from.Id == Guid.Empty)
            return Result.Invalid("Hub", "That organisation was not found");
        var now = clock.GetUtcNow().UtcDateTime;
        var address = email.Trim().ToLowerInvariant();
        if (await db.Set<HelpInvitation>().AnyAsync(i => i.OrganisationId == from.Id && i.Email == address && i.ExpiresAtUtc > now, cancellationToken))
            return Result.Invalid("Email", $"{address} already has an invitation from {from.Name} that still works");
        var dayAgo = now.AddDays(-1);
        if (await db.Set<HelpInvitation>().CountAsync(i => i.NavigatorId == navigatorId && i.CreatedAtUtc >= dayAgo, cancellationToken) >= limits.Value.InvitationsPerPersonPerDay)
            return Result.Invalid("Email", "You have sent as many invitations today as we allow. Please try again tomorrow");

        var navigatorName = await db.Users.AsNoTracking().Where(u => u.Id == navigatorId).Select(u => PortalUser.ShownName(u.DisplayName, u.Email)).FirstAsync(cancellationToken);
        var (invitation, token) = HelpInvitation.Create(from.Id, navigatorId, name, address, now);
        db.Add(invitation);
        outbox.Enqueue(await InvitationMailAsync(invitation, from.Name, navigatorName, link(token)), kind: MailKind.Invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// Sends an invitation of the navigator's hub again with a new link (the old one stops working)
    /// that runs for a full <see cref="HelpInvitation.LifeTime"/>; it counts against the same daily
    /// limit as a new invitation. Another hub's invitation is not found.
    /// </summary>
    /// <param name="link">Builds the join link from the new token.</param>
    public async Task<Result> ResendAsync(string navigatorId, Guid invitationId, Func<string, string> link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var mine = organisations.OrganisationsOf(navigatorId, MembershipRole.Navigator);
        var row = await db.Set<HelpInvitation>().Where(i => i.Id == invitationId && mine.Contains(i.OrganisationId))
            .Join(db.Set<Organisation>(), i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        if (await db.Set<HelpInvitation>().CountAsync(i => i.NavigatorId == navigatorId && i.CreatedAtUtc >= dayAgo, cancellationToken) >= limits.Value.InvitationsPerPersonPerDay)
            return Result.Invalid("", "You have sent as many invitations today as we allow. Please try again tomorrow");
        var navigatorName = await db.Users.AsNoTracking().Where(u => u.Id == navigatorId).Select(u => PortalUser.ShownName(u.DisplayName, u.Email)).FirstAsync(cancellationToken);
        var token = row.Invitation.Renew(now);
        outbox.Enqueue(await InvitationMailAsync(row.Invitation, row.Name, navigatorName, link(token)), kind: MailKind.Invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private async Task<OutgoingMail> InvitationMailAsync(HelpInvitation invitation, string hub, string navigatorName, string joinLink)
    {
        var portal = templates.Site.PortalName;
        return await templates.RenderAsync<NoticeMail>(invitation.Email, $"{hub}: help to find work in care", new NoticeMail.Model(
            invitation.Name, "Help to find work in care",
            [$"{navigatorName} from {hub} offered to help you find work in health or care, and to keep a plan with you on the {portal}.",
                "Create an account with this email address (or sign in), then say yes to the hub keeping your record. Until you do, the hub keeps only your name and this address."],
            new MailAction("Join the hub", joinLink),
            [$"The link works until {invitation.ExpiresAtUtc.UkDate()}. If you were not expecting it, ignore this email and nothing more is kept."],
            hub));
    }

    public async Task<Found?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = HelpInvitation.Hash(token ?? "");
        var row = await db.Set<HelpInvitation>().AsNoTracking().Where(i => i.TokenHash == hash)
            .Join(db.Set<Organisation>(), i => i.OrganisationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var navigator = await db.Users.AsNoTracking().Where(u => u.Id == row.Invitation.NavigatorId).Select(u => PortalUser.ShownName(u.DisplayName, u.Email)).FirstOrDefaultAsync(cancellationToken);
        return new Found(row.Invitation, row.Name, navigator ?? "A navigator");
    }

    /// <summary>
    /// The signed-in person accepts with their consent: the case opens on the inviting navigator's
    /// caseload, and the invitation is removed. Without consent, nothing changes.
    /// </summary>
    public async Task<Result> JoinAsync(string userId, string token, HelpService.Ask ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var user = await users.FindByIdAsync(userId);
        var hash = HelpInvitation.Hash(token ?? "");
        var invitation = await db.Set<HelpInvitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (user is null || invitation is null)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (invitation.Refusal(user.Email ?? "", now) is { } refusal)
            return Result.Invalid("", refusal);
        if (NavigationCase.Problem(ask.HelpWith, ask.ContactBy, ask.Phone, ask.ContactTimes) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        if (!ask.Consent)
            return Result.Invalid("Consent", "Tick the box to agree to the hub keeping your record, or the hub cannot help you here");
        if (await db.Set<NavigationCase>().AnyAsync(c => c.UserId == userId && c.Stage != CaseStage.Closed, cancellationToken))
            return Result.Invalid("", "You already have a plan with a hub: it is on your home page");
        var opened = NavigationCase.Start(invitation.OrganisationId, userId, true, ask.HelpWith!, ask.ContactBy, ask.Phone, ask.ContactTimes, now, invitation.NavigatorId);
        db.Add(opened);
        db.Remove(invitation);
        if (!await HelpService.OpenedOnceAsync(db, opened, userId, cancellationToken))
            return Result.Invalid("", "You already have a plan with a hub: it is on your home page");
        return Result.Done();
    }
}
