using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Names;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Email.Templates;
using Portal.Infrastructure.Talent;

namespace Portal.Infrastructure.Organisations;

/// <summary>
/// Employers asking to be set up on the portal. Anyone signed in may ask, naming the role they
/// will take; admins are emailed, and approve (the organisation is created and the requester
/// joins it in that role) or decline with a reason. The requester is emailed either way.
/// </summary>
public sealed class OrganisationRequestService(
    PortalDbContext db, UserManager<PortalUser> users, OrganisationService organisations, PostcodeDistricts postcodes, Outbox outbox, MailTemplates templates,
    IOptions<OrganisationLimits> limits, TimeProvider clock, AuditLog audit)
{
    public sealed record RequestInput(string Name, OrganisationType Type, string? CqcLocationId, string Postcode, MembershipRole Role, string? Note);

    public sealed record PendingRequest(Guid Id, string Name, OrganisationType Type, string? CqcLocationId, string Postcode, MembershipRole Role, string? Note,
        string RequesterName, string RequesterEmail, DateTime RequestedAtUtc, Guid? SameCqcOrganisationId);

    /// <param name="adminLink">Where admins decide, for the email telling them a request is waiting.</param>
    public async Task<Result<OrganisationRequest>> RequestAsync(string userId, RequestInput input, string adminLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The form offers these two; a hand-made post with another (Staff) would be stored and then fail at approval.
        if (input.Role is not (MembershipRole.Recruiter or MembershipRole.Manager))
            return Result.Invalid(nameof(RequestInput.Role), "Choose whether you will recruit or manage staff");
        if (ShownNames.Problem(input.Name, "The organisation's name") is { } nameProblem)
            return Result.Invalid(nameof(RequestInput.Name), nameProblem);
        var (location, postcodeProblem) = postcodes.Locate(input.Postcode);
        if (location is null)
            return Result.Invalid(nameof(RequestInput.Postcode), postcodeProblem!);
        var name = input.Name.Trim();
        if (await LimitReachedAsync(userId, name, cancellationToken) is { } limit)
            return limit;
        var cqc = input.CqcLocationId?.Trim();
        if (!string.IsNullOrEmpty(cqc) && await db.Set<Organisation>().AnyAsync(o => o.CqcLocationId == cqc, cancellationToken))
            return Result.Invalid(nameof(RequestInput.CqcLocationId), "An organisation with this CQC location id is already on the portal. Ask one of its recruiters or managers to invite you");

        var request = OrganisationRequest.Create(userId, name, input.Type, cqc, location.Postcode, input.Role, input.Note, clock.GetUtcNow().UtcDateTime);
        db.Add(request);
        var requester = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The requester has no account.");
        foreach (var admin in await users.GetUsersInRoleAsync(PortalRoles.Admin))
        {
            outbox.Enqueue(await templates.RenderAsync<NoticeMail>(admin.Email!, $"To approve: {request.Name}", new NoticeMail.Model(
                    admin.DisplayName, $"To approve: {request.Name}",
                    [$"{requester.DisplayName ?? requester.Email} ({requester.Email}) has asked for {request.Name} to be set up on the {templates.Site.PortalName}, with them as its first {Role(request.RequesterRole)}."],
                    new MailAction("Approve or decline it", adminLink))),
                dedupeKey: $"organisation-request:{request.Id:N}:admin:{admin.Id}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(request);
    }

    // Every request emails every admin: the same organisation asked for twice (in any spelling of
    // case and spaces) is one request, and one person has only a few waiting and a few a day.
    private async Task<FieldProblem?> LimitReachedAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var recent = await db.Set<OrganisationRequest>().AsNoTracking()
            .Where(r => r.RequestedBy == userId && (r.Status == OrganisationRequestStatus.Pending || r.RequestedAtUtc >= dayAgo))
            .Select(r => new { r.Name, r.Status, r.RequestedAtUtc })
            .ToListAsync(cancellationToken);
        var pending = recent.Where(r => r.Status == OrganisationRequestStatus.Pending).ToList();
        if (pending.Any(r => Organisation.SameName(r.Name, name)))
            return new FieldProblem(nameof(RequestInput.Name), $"You have already asked for {name}; an admin will look at it soon");
        if (pending.Count >= limits.Value.PendingRequestsPerPerson)
            return new FieldProblem("", $"You have {pending.Count} requests waiting for an admin. You can ask for another once one of them has been decided");
        if (recent.Count(r => r.RequestedAtUtc >= dayAgo) >= limits.Value.RequestsPerPersonPerDay)
            return new FieldProblem("", "You have sent as many requests today as we allow. Please try again tomorrow");
        return null;
    }

    /// <summary>The person's own requests, newest first.</summary>
    public async Task<IReadOnlyList<OrganisationRequest>> MineAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<OrganisationRequest>().AsNoTracking().Where(r => r.RequestedBy == userId)
            .OrderByDescending(r => r.RequestedAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Requests waiting for an admin, oldest first, with a warning where the CQC id is now taken.</summary>
    public async Task<IReadOnlyList<PendingRequest>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<OrganisationRequest>().AsNoTracking()
            .Where(r => r.Status == OrganisationRequestStatus.Pending)
            .Join(db.Users, r => r.RequestedBy, u => u.Id, (r, u) => new
            {
                Request = r,
                u.DisplayName,
                u.Email,
                SameCqc = db.Set<Organisation>().Where(o => r.CqcLocationId != null && o.CqcLocationId == r.CqcLocationId).Select(o => (Guid?)o.Id).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Request.RequestedAtUtc).ThenBy(r => r.Request.Id).Select(r => new PendingRequest(
            r.Request.Id, r.Request.Name, r.Request.Type, r.Request.CqcLocationId, r.Request.Postcode, r.Request.RequesterRole, r.Request.Note,
            r.DisplayName ?? r.Email!, r.Email!, r.Request.RequestedAtUtc, r.SameCqc))];
    }

    public Task<int> PendingCountAsync(CancellationToken cancellationToken = default) =>
        db.Set<OrganisationRequest>().CountAsync(r => r.Status == OrganisationRequestStatus.Pending, cancellationToken);

    /// <summary>Creates the organisation, makes the requester its first recruiter or manager, and tells them.</summary>
    /// <param name="startLink">Where the requester sees the decision and starts, for the email.</param>
    /// <returns>The new organisation, or why nothing changed.</returns>
    public async Task<Result<Organisation>> ApproveAsync(string adminId, Guid requestId, string startLink, CancellationToken cancellationToken = default)
    {
        var request = await db.Set<OrganisationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
            return Result.NotFound();
        if (Refusal(adminId, request) is { } refusal)
            return Result.Invalid("", refusal);
        if (request.CqcLocationId is { } cqc && await db.Set<Organisation>().AnyAsync(o => o.CqcLocationId == cqc, cancellationToken))
            return Result.Invalid("", "An organisation with this CQC location id is already on the portal: decline this request and tell them to ask it for an invitation");
        var requester = await users.FindByIdAsync(request.RequestedBy);
        if (requester is null)
            return Result.Invalid("", "The person who asked no longer has an account");

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = request.ToOrganisation(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(organisation);
        request.Approve(adminId, organisation.Id, now);
        audit.Add(AuditAction.OrganisationRequestApproved, AuditSubject.OrganisationRequest, request.Id.ToString(), organisation.Id, organisation.Name, actorUserId: adminId);
        outbox.Enqueue(await templates.RenderAsync<NoticeMail>(requester.Email!, $"{organisation.Name} is on the {templates.Site.PortalName}", new NoticeMail.Model(
                requester.DisplayName, $"{organisation.Name} is set up",
                [$"{organisation.Name} is now set up on the {templates.Site.PortalName}, with you as its {Role(request.RequesterRole)}."],
                new MailAction("Sign in and start here", startLink),
                ["You can invite colleagues from there."],
                organisation.Name)),
            dedupeKey: $"organisation-request:{request.Id:N}:decided");
        await organisations.JoinAsync(requester, organisation.Id, request.RequesterRole, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Done(organisation);
    }

    /// <summary>Declines with a reason the requester is emailed.</summary>
    public async Task<Result> DeclineAsync(string adminId, Guid requestId, string reason, CancellationToken cancellationToken = default)
    {
        var request = await db.Set<OrganisationRequest>().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
            return Result.NotFound();
        if (Refusal(adminId, request) is { } refusal)
            return Result.Invalid("", refusal);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > OrganisationRequest.MaxReasonLength)
            return Result.Invalid("Reason", $"Give a reason of at most {OrganisationRequest.MaxReasonLength} characters; the person who asked will see it");
        var requester = await users.FindByIdAsync(request.RequestedBy);
        request.Decline(adminId, reason, clock.GetUtcNow().UtcDateTime);
        audit.Add(AuditAction.OrganisationRequestDeclined, AuditSubject.OrganisationRequest, request.Id.ToString(), details: request.Name, actorUserId: adminId);
        if (requester?.Email is { } email)
        {
            outbox.Enqueue(await templates.RenderAsync<NoticeMail>(email, $"Your request for {request.Name} was declined", new NoticeMail.Model(
                    requester!.DisplayName, $"Your request for {request.Name}",
                    [$"We have not set up {request.Name} on the {templates.Site.PortalName}. The reason given: {request.DeclineReason}", "If something has changed, you can ask again."],
                    new MailAction("Ask again", templates.Site.Link("/organisations/request")))),
                dedupeKey: $"organisation-request:{request.Id:N}:decided");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private static string? Refusal(string adminId, OrganisationRequest request) =>
        request.Status != OrganisationRequestStatus.Pending ? $"That request was already {request.Status.ToString().ToLowerInvariant()}"
        : request.RequestedBy == adminId ? "You cannot decide your own request; another admin must"
        : null;

    private static string Hello(PortalUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? "Hello," : $"Hello {user.DisplayName},";

    private static string Role(MembershipRole role) => role.ToString().ToLowerInvariant();
}
