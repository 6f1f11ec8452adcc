using Microsoft.EntityFrameworkCore;
using Portal.Domain.Equality;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Programmes;

/// <summary>
/// The person's programmes, outcomes, check-ins and equality answers, for "Download my data" and
/// for erasure: the one place that knows which of this area's rows are theirs.
/// </summary>
public static class ProgrammePersonalData
{
    public sealed record EnrolmentPart(string Programme, string Organisation, DateOnly StartsOn, DateOnly EndsOn, bool ByYourself, DateTime EnrolledAtUtc, DateTime? CompletedAtUtc, int SessionsAttended);

    public sealed record OutcomePart(string Organisation, OutcomeKind Kind, string? Employer, DateOnly On, DateTime RecordedAtUtc);

    public sealed record CheckInPart(string Organisation, int Weeks, DateOnly DueOn, DateTime AskedAtUtc, bool? StillInWork, DateTime? AnsweredAtUtc);

    /// <summary>Each answer in the words the person chose, by question.</summary>
    public sealed record EqualityPart(IReadOnlyDictionary<string, string?> Answers, DateTime UpdatedAtUtc);

    public sealed record Part(IReadOnlyList<EnrolmentPart> Enrolments, IReadOnlyList<OutcomePart> Outcomes, IReadOnlyList<CheckInPart> CheckIns, EqualityPart? Equality);

    public static async Task<Part> ReadAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = db.Set<Organisation>().Select(o => new { o.Id, o.Name });
        var enrolments = await db.Set<Enrolment>().AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Set<Cohort>(), e => e.CohortId, c => c.Id, (e, c) => new { e, c })
            .Join(db.Set<Programme>(), x => x.c.ProgrammeId, p => p.Id, (x, p) => new { x.e, x.c, p })
            .Join(names, x => x.p.OrganisationId, o => o.Id, (x, o) => new
            {
                x.p.Title, Organisation = o.Name, x.c.StartsOn, x.c.EndsOn, x.e.EnrolledBy, x.e.EnrolledAtUtc, x.e.CompletedAtUtc,
                Attended = db.Set<Attendance>().Count(a => a.UserId == userId && a.Attended && db.Set<CohortSession>().Any(s => s.Id == a.SessionId && s.CohortId == x.c.Id)),
            })
            .OrderBy(x => x.EnrolledAtUtc).ToListAsync(cancellationToken);
        var outcomes = await db.Set<HubOutcome>().AsNoTracking().Where(o => o.UserId == userId)
            .Join(names, o => o.OrganisationId, n => n.Id, (o, n) => new OutcomePart(n.Name, o.Kind, o.Employer, o.On, o.RecordedAtUtc))
            .ToListAsync(cancellationToken);
        var checkIns = await db.Set<CheckIn>().AsNoTracking().Where(c => c.UserId == userId)
            .Join(names, c => c.OrganisationId, n => n.Id, (c, n) => new CheckInPart(n.Name, c.Weeks, c.DueOn, c.AskedAtUtc, c.StillInWork, c.AnsweredAtUtc))
            .ToListAsync(cancellationToken);
        var equality = await db.Set<EqualityAnswers>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        return new Part(
            [.. enrolments.Select(e => new EnrolmentPart(e.Title, e.Organisation, e.StartsOn, e.EndsOn, e.EnrolledBy == userId, e.EnrolledAtUtc, e.CompletedAtUtc, e.Attended))],
            [.. outcomes.OrderBy(o => o.On)],
            [.. checkIns.OrderBy(c => c.DueOn)],
            equality is null ? null : new EqualityPart(equality.ByQuestion().ToDictionary(a => a.Question.Text, a => a.Question.LabelOf(a.Code)), equality.UpdatedAtUtc));
    }

    /// <summary>
    /// Removes the person's rows here, in the caller's transaction. A place they held is given back
    /// to a cohort still to start; a cohort that has run keeps its count of people who took part.
    /// </summary>
    public static async Task EraseAsync(PortalDbContext db, string userId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var upcoming = db.Set<Enrolment>().Where(e => e.UserId == userId).Select(e => e.CohortId);
        await db.Set<Cohort>().Where(c => upcoming.Contains(c.Id) && c.StartsOn > today && c.Taken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Taken, c => c.Taken - 1), cancellationToken);
        await db.Set<CheckIn>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<HubOutcome>().Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Attendance>().Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Enrolment>().Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<EqualityAnswers>().Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
