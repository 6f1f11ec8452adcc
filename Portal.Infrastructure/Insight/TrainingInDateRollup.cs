using Microsoft.EntityFrameworkCore;
using Portal.Domain.Compliance;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Domain.Passport;
using Portal.Domain.Training;
using Portal.Infrastructure.Compliance;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Required training in date at each month's end (<see cref="TrainingInDate"/>), per employer and
/// for the city, by sector and by setting, kept as <see cref="RetentionFigure"/> rows under its own
/// figure names. A month is a record of how things stood: it is worked out until a run after its
/// end has done so, then left alone, so an employer changing what a job requires changes this
/// month's figure and not last spring's. The first run works out the last <see cref="BackfillMonths"/>
/// months from the training records, under the rules then set. Worked out in the insight job's
/// read snapshot and replaced in its write transaction; each run replaces only its own months.
/// </summary>
public sealed class TrainingInDateRollup(PortalDbContext db, ContentStore content)
{
    /// <summary>Staff whose job requires something, in post at the month's end.</summary>
    public const string Staff = "training-staff";

    /// <summary>Of <see cref="Staff"/>, those with all of it held.</summary>
    public const string StaffAllHeld = "training-staff-all-held";

    /// <summary>Required items (a module or a sign-off for one person).</summary>
    public const string Required = "training-required";

    /// <summary>Of <see cref="Required"/>, those held.</summary>
    public const string Held = "training-held";

    public const string BySetting = "setting";

    /// <summary>How far back the first run goes: a year before this month.</summary>
    public const int BackfillMonths = 13;

    public static IReadOnlyList<string> Figures { get; } = [Staff, StaffAllHeld, Required, Held];

    private static readonly Guid City = LearningMonth.City;

    /// <returns>The number of months worked out, and the replacing of their rows, to run in the write transaction.</returns>
    public async Task<(int Months, Func<CancellationToken, Task> Replace)> ComputeAsync(DateOnly thisMonth, DateTime now, CancellationToken cancellationToken)
    {
        var first = await FirstUnsettledAsync(thisMonth, cancellationToken);
        var months = new List<(DateOnly Month, DateTime At)>();
        for (var month = first; month <= thisMonth; month = month.AddMonths(1))
        {
            var end = RetentionRollup.MonthStartUtc(month.AddMonths(1));
            months.Add((month, end < now ? end : now));
        }
        var (firstAt, lastAt) = (months[0].At, months[^1].At);
        var set = content.Current;

        var inPost = db.Set<Membership>().Where(m => m.Role == MembershipRole.Staff && m.StartedAtUtc <= lastAt && (m.EndedAtUtc == null || m.EndedAtUtc > firstAt));
        var staff = (await inPost.AsNoTracking()
                .Select(m => new Post(m.Id, m.UserId, m.OrganisationId, m.JobRole, m.StartedAtUtc, m.EndedAtUtc))
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.UserId, StringComparer.Ordinal);
        var jobs = (await db.Set<JobHeld>().AsNoTracking()
                .Where(j => inPost.Select(m => m.Id).Contains(j.MembershipId) && j.FromUtc <= lastAt && (j.ToUtc == null || j.ToUtc > firstAt))
                .Select(j => new { j.MembershipId, j.JobRole, j.FromUtc, j.ToUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(j => j.MembershipId, j => (j.JobRole, j.FromUtc, j.ToUtc));
        var organisations = (await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.Type, o.Setting }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => (Sector: o.Type.ToString(), Setting: o.Setting?.ToString() ?? ""));
        // Every organisation with rules of its own; Guid.Empty holds the defaults, for the rest.
        var rules = await OrganisationTraining.ForOrganisationsAsync(db, set, null, cancellationToken);
        rules[Guid.Empty] = OrganisationTraining.From(set, [], []);
        var signOffs = (await db.Set<CompetencyRecord>().AsNoTracking()
                .Where(r => inPost.Select(m => m.UserId).Contains(r.UserId))
                .Select(r => new { r.OrganisationId, r.UserId, r.CompetencySlug, r.Id, r.Kind, r.On, r.RevokesId })
                .ToListAsync(cancellationToken))
            .ToLookup(r => (r.OrganisationId, r.UserId, r.CompetencySlug), r => new CompetencyEvent(r.Id, r.Kind, r.On, r.RevokesId));
        var recognised = (await db.Set<Recognition>().AsNoTracking()
                .Where(r => inPost.Select(m => m.UserId).Contains(r.UserId))
                .Select(r => new { r.OrganisationId, r.UserId, r.ModuleSlug, r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc, r.RevokedFoundAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(r => (r.OrganisationId, r.UserId, r.ModuleSlug), r => (r.IssuerName, r.ValidFromUtc, r.ValidUntilUtc, r.RevokedFoundAtUtc));

        var tallies = new Dictionary<(int Month, Guid Organisation), int[]>();
        void Person(string userId, Dictionary<string, List<DateTime>> passes)
        {
            foreach (var post in staff[userId])
            {
                var training = rules.TryGetValue(post.OrganisationId, out var own) ? own : rules[Guid.Empty];
                for (var i = 0; i < months.Count; i++)
                {
                    var at = months[i].At;
                    if (post.StartedAtUtc > at || post.EndedAtUtc is { } ended && ended <= at
                        || JobAt(post, jobs[post.MembershipId], at) is not { } job)
                        continue;
                    var required = training.Required(job);
                    if (required.Count == 0)
                        continue;
                    var (count, held) = TrainingInDate.Tally(required.Select(topic => Cell(post, topic, at, passes, training, set, signOffs, recognised)));
                    if (!tallies.TryGetValue((i, post.OrganisationId), out var tally))
                        tallies[(i, post.OrganisationId)] = tally = new int[4];
                    tally[0]++;
                    tally[1] += held == count ? 1 : 0;
                    tally[2] += count;
                    tally[3] += held;
                }
            }
        }

        // Person by person: the passes come ordered by person, so only one person's are held at a time.
        var done = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var passes = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        await foreach (var pass in db.Set<Completion>().AsNoTracking()
            .Where(c => inPost.Select(m => m.UserId).Contains(c.UserId) && c.CompletedAtUtc <= lastAt)
            .OrderBy(c => c.UserId)
            .Select(c => new { c.UserId, c.ModuleSlug, c.CompletedAtUtc })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (pass.UserId != current)
            {
                if (current is not null)
                {
                    Person(current, passes);
                    done.Add(current);
                }
                current = pass.UserId;
                passes.Clear();
            }
            if (!passes.TryGetValue(pass.ModuleSlug, out var dates))
                passes[pass.ModuleSlug] = dates = [];
            dates.Add(pass.CompletedAtUtc);
        }
        if (current is not null)
        {
            Person(current, passes);
            done.Add(current);
        }
        passes.Clear();
        foreach (var person in staff.Where(p => !done.Contains(p.Key)))
            Person(person.Key, passes);

        var rows = new Dictionary<(DateOnly Month, Guid Scope, string Figure, string Dimension, string Category), int>();
        void Add(DateOnly month, Guid scope, string dimension, string category, int[] tally)
        {
            for (var f = 0; f < Figures.Count; f++)
            {
                var key = (month, scope, Figures[f], dimension, category);
                rows[key] = rows.GetValueOrDefault(key) + tally[f];
            }
        }
        foreach (var (month, _) in months)
            Add(month, City, InsightFigure.All, "", new int[4]);
        foreach (var ((i, organisation), tally) in tallies)
        {
            var month = months[i].Month;
            var (sector, setting) = organisations.GetValueOrDefault(organisation, ("", ""));
            Add(month, organisation, InsightFigure.All, "", tally);
            Add(month, City, InsightFigure.All, "", tally);
            Add(month, City, RetentionRollup.BySector, sector, tally);
            Add(month, City, BySetting, setting, tally);
        }

        // Zero counts are kept only for the city's marker row: it says the month was worked out.
        List<RetentionFigure> figures = [.. rows.Where(r => r.Value > 0 || (r.Key.Scope == City && r.Key.Dimension == InsightFigure.All && r.Key.Figure == Staff))
            .Select(r => RetentionFigure.Of(r.Key.Month, r.Key.Scope, r.Key.Figure, r.Key.Dimension, r.Key.Category, r.Value, now))];
        return (months.Count, Replacing(db, first, figures));
    }

    /// <summary>The replacing of the months' rows, made apart from the working out so that it holds only the rows to write (as the pipeline's).</summary>
    private static Func<CancellationToken, Task> Replacing(PortalDbContext db, DateOnly first, List<RetentionFigure> figures) => async ct =>
    {
        await db.Set<RetentionFigure>().Where(f => f.Month >= first && Figures.Contains(f.Figure)).ExecuteDeleteAsync(ct);
        await BulkInsert.EntitiesAsync(db, figures, ct);
    };

    /// <summary>
    /// The earliest month still to work out: this one, and each before it back to the first one a run
    /// after its end has worked out (a slow save is allowed for, as in the other rollups).
    /// </summary>
    private async Task<DateOnly> FirstUnsettledAsync(DateOnly thisMonth, CancellationToken cancellationToken)
    {
        var from = thisMonth.AddMonths(-(BackfillMonths - 1));
        var worked = await db.Set<RetentionFigure>().AsNoTracking()
            .Where(f => f.OrganisationId == City && f.Figure == Staff && f.Dimension == InsightFigure.All && f.Month >= from)
            .Select(f => new { f.Month, f.ComputedAtUtc })
            .ToDictionaryAsync(f => f.Month, f => f.ComputedAtUtc, cancellationToken);
        var first = thisMonth;
        for (var month = thisMonth.AddMonths(-1); month >= from; month = month.AddMonths(-1))
        {
            if (worked.TryGetValue(month, out var at) && at >= RetentionRollup.MonthStartUtc(month.AddMonths(1)) + InsightRollupJob.SaveMargin)
                break;
            first = month;
        }
        return first;
    }

    private sealed record Post(long MembershipId, string UserId, Guid OrganisationId, string? JobRole, DateTime StartedAtUtc, DateTime? EndedAtUtc);

    /// <summary>The job held at the time: from the job history, else (a membership the history has not reached) the current one.</summary>
    private static string? JobAt(Post post, IEnumerable<(string JobRole, DateTime FromUtc, DateTime? ToUtc)> history, DateTime at)
    {
        string? found = null;
        var any = false;
        foreach (var (role, from, to) in history)
        {
            any = true;
            if (from <= at && (to ?? post.EndedAtUtc ?? DateTime.MaxValue) > at)
                found = role;
        }
        return any ? found : post.JobRole;
    }

    private static ComplianceCell Cell(Post post, Topic topic, DateTime at, Dictionary<string, List<DateTime>> passes, OrganisationTraining training, ContentSet set,
        ILookup<(Guid, string, string), CompetencyEvent> signOffs, ILookup<(Guid, string, string), (string Issuer, DateTime From, DateTime? Until, DateTime? RevokedFound)> recognised)
    {
        if (topic.Kind == TopicKind.Competency)
        {
            var day = DateOnly.FromDateTime(at);
            return CompetencyStanding.Cell(signOffs[(post.OrganisationId, post.UserId, topic.Slug)].Where(e => e.On <= day), set.Competencies[topic.Slug].ReviewMonths, at);
        }
        DateTime? latest = null;
        if (passes.TryGetValue(topic.Slug, out var dates))
        {
            foreach (var date in dates)
            {
                if (date <= at && (latest is null || date > latest))
                    latest = date;
            }
        }
        var standing = recognised[(post.OrganisationId, post.UserId, topic.Slug)]
            .Where(r => r.RevokedFound is null || r.RevokedFound > at)
            .Where(r => Recognition.CountsAt(r.From, r.Until, revoked: false, at))
            .Select(r => (r.Issuer, r.From, r.Until));
        return ComplianceMatrix.ModuleCell(latest, training.Refresh.MonthsFor(topic.Slug), at, standing);
    }
}
