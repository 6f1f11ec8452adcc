using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Audit;

/// <summary>
/// Writes the audit log (who, what, to whom, in which organisation, from where, when) and reads it
/// for an admin's search and for a person's "who has opened my record". An event that goes with a
/// change is added to the same unit of work (<see cref="Add"/>), so it commits with the change or
/// not at all; an event that stands alone (a sign-in, a page opened) is written at once.
/// </summary>
public sealed class AuditLog(PortalDbContext db, IAuditActor actor, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    /// <summary>Subject id for a failed sign-in with an address that has no account: the address itself is not kept.</summary>
    public const string UnknownAccount = "unknown";

    public void Add(AuditAction action, AuditSubject subjectKind, string subjectId, Guid? organisationId = null, string? details = null, string? actorUserId = null) =>
        db.AuditEvents.Add(AuditEvent.Record(
            action, actorUserId ?? actor.UserId, subjectKind, Fit(subjectId), clock.GetUtcNow().UtcDateTime, organisationId, actor.IpAddress, details));

    public async Task WriteAsync(AuditAction action, AuditSubject subjectKind, string subjectId, Guid? organisationId = null, string? details = null, string? actorUserId = null, CancellationToken cancellationToken = default)
    {
        Add(action, subjectKind, subjectId, organisationId, details, actorUserId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A recruiter, manager or navigator saw these people's profiles, records or plans: one event per person, written at once.</summary>
    public async Task OpenedAsync(AuditAction action, IEnumerable<string> people, Guid organisationId, string details, CancellationToken cancellationToken = default)
    {
        foreach (var person in people.Distinct(StringComparer.Ordinal))
            Add(action, AuditSubject.Account, person, organisationId, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How long one event stands for repeated views of the same people by the same person: see <see cref="OpenedOnceAsync"/>.</summary>
    public static readonly TimeSpan RepeatedViewsWithin = TimeSpan.FromHours(1);

    /// <summary>
    /// A list page showed these people's details (a vacancy's applicants): one event per person, as
    /// <see cref="OpenedAsync"/>, but not again for a person the same viewer already opened with the
    /// same action, organisation and details within <see cref="RepeatedViewsWithin"/>. Each person
    /// still sees who opened their data, where and to the hour; a recruiter who reloads the list all
    /// morning no longer writes a row per applicant per reload (a tenth of the page's time). Two views
    /// at the same moment may both write, which the log can bear; a gap never hides a view.
    /// </summary>
    public async Task OpenedOnceAsync(AuditAction action, IEnumerable<string> people, Guid organisationId, string details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        var viewer = actor.UserId;
        var since = clock.GetUtcNow().UtcDateTime - RepeatedViewsWithin;
        // Compared as stored: the event keeps at most MaxDetailsLength characters of the details.
        var stored = details.Length <= AuditEvent.MaxDetailsLength ? details : details[..AuditEvent.MaxDetailsLength];
        var already = viewer is null ? [] : await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorUserId == viewer && e.OccurredUtc >= since && e.Action == action && e.OrganisationId == organisationId
                && e.SubjectKind == AuditSubject.Account && e.Details == stored)
            .Select(e => e.SubjectId).ToListAsync(cancellationToken);
        var seen = already.ToHashSet(StringComparer.Ordinal);
        var added = false;
        foreach (var person in people.Distinct(StringComparer.Ordinal))
        {
            if (seen.Contains(Fit(person)))
                continue;
            Add(action, AuditSubject.Account, person, organisationId, details);
            added = true;
        }
        if (added)
            await db.SaveChangesAsync(cancellationToken);
    }

    private static string Fit(string subjectId) =>
        subjectId.Length <= AuditEvent.MaxSubjectIdLength ? subjectId : subjectId[..AuditEvent.MaxSubjectIdLength];

    public sealed record Query(string? Person = null, AuditAction? Action = null, DateOnly? From = null, DateOnly? To = null, long? Before = null);

    public sealed record Line(
        long Id, DateTime OccurredUtc, AuditAction Action, string Actor, AuditSubject SubjectKind, string SubjectId, string? SubjectName,
        string? Organisation, string? IpAddress, string? Details);

    /// <param name="Next">Pass as <see cref="Query.Before"/> for the older events; null on the last page.</param>
    public sealed record Found(IReadOnlyList<Line> Lines, long? Next);

    /// <summary>
    /// Events newest first, <see cref="PageSize"/> at a time: by or about the people whose name or
    /// email address contains <see cref="Query.Person"/>, of one kind, between two UK dates.
    /// </summary>
    public async Task<Result<Found>> SearchAsync(Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var person = query.Person?.Trim() ?? "";
        if (person.Length > MaxSearchLength)
            return Result.Invalid("Person", $"Type up to {MaxSearchLength} characters of a name or email address");
        if (query.From is { } from && query.To is { } to && to < from)
            return Result.Invalid("To", "The end date is before the start date");

        var events = db.AuditEvents.AsNoTracking();
        if (person.Length > 0)
        {
            var lower = person.ToLowerInvariant();
            // Lower-cased in the query because every provider translates that; the comparison overload is translated by none.
#pragma warning disable CA1862
            var ids = await db.Users.AsNoTracking()
                .Where(u => u.Email!.ToLower().Contains(lower) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(lower)))
#pragma warning restore CA1862
                .OrderBy(u => u.Id).Take(AccountAdminService.MaxFound).Select(u => u.Id).ToListAsync(cancellationToken);
            events = events.Where(e => (e.ActorUserId != null && ids.Contains(e.ActorUserId)) || (e.SubjectKind == AuditSubject.Account && ids.Contains(e.SubjectId)));
        }

        if (query.Action is { } action)
            events = events.Where(e => e.Action == action);
        if (query.From is { } start)
        {
            var startUtc = UkMidnightUtc(start);
            events = events.Where(e => e.OccurredUtc >= startUtc);
        }

        if (query.To is { } end)
        {
            var endUtc = UkMidnightUtc(end.AddDays(1));
            events = events.Where(e => e.OccurredUtc < endUtc);
        }

        if (query.Before is { } before)
            events = events.Where(e => e.Id < before);

        var rows = await events.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(PageSize).ToList();
        var userIds = page.Select(e => e.ActorUserId).OfType<string>()
            .Concat(page.Where(e => e.SubjectKind == AuditSubject.Account).Select(e => e.SubjectId)).Distinct().ToList();
        var names = await NamesAsync(userIds, cancellationToken);
        var organisationIds = page.Select(e => e.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var lines = page.ConvertAll(e => new Line(
            e.Id, e.OccurredUtc, e.Action,
            e.ActorUserId is null ? "Nobody signed in" : names.GetValueOrDefault(e.ActorUserId, NoLongerHere),
            e.SubjectKind, e.SubjectId,
            e.SubjectKind == AuditSubject.Account ? names.GetValueOrDefault(e.SubjectId) : null,
            e.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null,
            e.IpAddress, e.Details));
        return Result.Done(new Found(lines, rows.Count > PageSize ? page[^1].Id : null));
    }

    public sealed record Opened(DateTime OccurredUtc, AuditAction Action, string By, string? Organisation, string? Details);

    /// <summary>Who opened this person's profile, record or plan with a hub, in which organisation and when, newest first.</summary>
    public async Task<IReadOnlyList<Opened>> WhoOpenedAsync(string userId, int take = 100, CancellationToken cancellationToken = default)
    {
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectKind == AuditSubject.Account && e.SubjectId == userId && (e.Action == AuditAction.ProfileOpened || e.Action == AuditAction.RecordOpened || e.Action == AuditAction.CaseOpened))
            .OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id).Take(take)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync([.. rows.Select(e => e.ActorUserId).OfType<string>().Distinct()], cancellationToken);
        var organisationIds = rows.Select(e => e.OrganisationId).OfType<Guid>().Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return rows.ConvertAll(e => new Opened(
            e.OccurredUtc, e.Action, e.ActorUserId is { } by ? names.GetValueOrDefault(by, NoLongerHere) : NoLongerHere,
            e.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, e.Details));
    }

    private const string NoLongerHere = "Someone no longer here";

    private async Task<Dictionary<string, string>> NamesAsync(List<string> userIds, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => PortalUser.ShownName(u.DisplayName, u.Email), StringComparer.Ordinal);
    }

    private static DateTime UkMidnightUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), UkTime.Zone);
}
