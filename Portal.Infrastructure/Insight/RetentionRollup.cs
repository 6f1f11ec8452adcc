using Microsoft.EntityFrameworkCore;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Works out the retention and progression rollup (<see cref="RetentionFigure"/>) from staff
/// memberships and their job history, inside the insight job's transaction. Every count is per
/// month, so a run replaces whole months: on the hourly run the last <see cref="HourlyMonths"/>
/// (a cohort's twelve-month retention is known only a year and a month after it started; joining,
/// leaving and job changes are recorded when they happen), on a full or first run every month
/// from the first member of staff. An employer's figures count its own staff; the city's add up
/// its employers' (someone on two staffs is in post twice, as two posts are).
/// </summary>
public sealed class RetentionRollup(PortalDbContext db, ContentStore content)
{
    private readonly TrainingInDateRollup _training = new(db, content);

    public const string Headcount = "headcount";
    public const string Starters = "starters";
    public const string Leavers = "leavers";
    public const string StepsUp = "steps-up";
    public const string EnhancedCareWorkers = "enhanced-care-workers";
    public const string Apprentices = "apprentices";
    public const string BySector = "sector";

    /// <summary>The job role counted as an Enhanced Care Worker.</summary>
    public const string EnhancedCareWorkerRole = "enhanced-care-worker";

    /// <summary>The months after starting at which new starters' retention is measured.</summary>
    public static IReadOnlyList<int> RetentionMonths { get; } = [3, 6, 12];

    /// <summary>The last thirteen months: the twelve-month cohort of a year ago is still filling in.</summary>
    public const int HourlyMonths = 13;

    private static readonly Guid City = LearningMonth.City;

    /// <summary>Starters of a month whose <paramref name="months"/> months have come (the ones retention is measured over).</summary>
    public static string Due(int months) => $"due-{months}";

    /// <summary>Of <see cref="Due"/>, those still in post then.</summary>
    public static string Retained(int months) => $"retained-{months}";

    /// <returns>The number of months worked out, and the replacing of their rows (and the training-in-date ones), to run in the write transaction.</returns>
    public async Task<(int Months, Func<CancellationToken, Task> Replace)> ComputeAsync(bool full, DateOnly thisMonth, DateTime now, CancellationToken cancellationToken)
    {
        full = full || !await db.Set<RetentionFigure>().AnyAsync(cancellationToken);
        var first = thisMonth.AddMonths(-(HourlyMonths - 1));
        if (full)
        {
            var earliest = await db.Set<Membership>().Where(m => m.Role == MembershipRole.Staff).MinAsync(m => (DateTime?)m.StartedAtUtc, cancellationToken);
            first = earliest is { } at ? MonthRange.MonthOf(UkTime.Today(at)) : thisMonth;
        }
        var fromUtc = MonthStartUtc(first);

        var staff = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.Role == MembershipRole.Staff && (m.EndedAtUtc == null || m.EndedAtUtc >= fromUtc))
            .Select(m => new { m.Id, m.OrganisationId, m.StartedAtUtc, m.EndedAtUtc })
            .ToListAsync(cancellationToken);
        // The job before one that began in these months may have begun long before: every job still held at the first month counts.
        var jobs = await db.Set<JobHeld>().AsNoTracking()
            .Where(j => j.ToUtc == null || j.ToUtc >= fromUtc)
            .Join(db.Set<Membership>().Where(m => m.EndedAtUtc == null || m.EndedAtUtc >= fromUtc), j => j.MembershipId, m => m.Id,
                (j, m) => new { j.Id, j.MembershipId, j.OrganisationId, j.JobRole, j.Apprenticeship, j.FromUtc, j.ToUtc, m.EndedAtUtc })
            .ToListAsync(cancellationToken);
        var sectors = await db.Set<Organisation>().AsNoTracking().Select(o => new { o.Id, o.Type })
            .ToDictionaryAsync(o => o.Id, o => o.Type.ToString(), cancellationToken);

        var rows = new Dictionary<(DateOnly Month, Guid Scope, string Figure, string Dimension, string Category), int>();
        void Add(DateOnly month, Guid organisation, string figure)
        {
            if (month < first || month > thisMonth)
                return;
            Count((month, organisation, figure, InsightFigure.All, ""));
            Count((month, City, figure, InsightFigure.All, ""));
            Count((month, City, figure, BySector, sectors.GetValueOrDefault(organisation) ?? ""));
        }
        void Count((DateOnly, Guid, string, string, string) key) => rows[key] = rows.GetValueOrDefault(key) + 1;

        for (var month = first; month <= thisMonth; month = month.AddMonths(1))
        {
            var end = MonthStartUtc(month.AddMonths(1));
            var at = end < now ? end : now;
            foreach (var m in staff.Where(m => m.StartedAtUtc <= at && (m.EndedAtUtc is null || m.EndedAtUtc > at)))
                Add(month, m.OrganisationId, Headcount);
            foreach (var job in jobs.Where(j => j.FromUtc <= at && (j.ToUtc ?? j.EndedAtUtc ?? DateTime.MaxValue) > at))
            {
                if (job.JobRole == EnhancedCareWorkerRole)
                    Add(month, job.OrganisationId, EnhancedCareWorkers);
                if (job.Apprenticeship)
                    Add(month, job.OrganisationId, Apprentices);
            }
        }

        foreach (var m in staff)
        {
            var started = MonthRange.MonthOf(UkTime.Today(m.StartedAtUtc));
            Add(started, m.OrganisationId, Starters);
            foreach (var months in RetentionMonths)
            {
                var due = m.StartedAtUtc.AddMonths(months);
                if (due > now)
                    continue;
                Add(started, m.OrganisationId, Due(months));
                if (m.EndedAtUtc is null || m.EndedAtUtc > due)
                    Add(started, m.OrganisationId, Retained(months));
            }
            if (m.EndedAtUtc is { } ended)
                Add(MonthRange.MonthOf(UkTime.Today(ended)), m.OrganisationId, Leavers);
        }

        var routes = content.Current.Planner.Graph;
        foreach (var history in jobs.GroupBy(j => j.MembershipId))
        {
            var ordered = history.OrderBy(j => j.FromUtc).ThenBy(j => j.Id).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (StepUp.Is(routes, ordered[i - 1].JobRole, ordered[i].JobRole))
                    Add(MonthRange.MonthOf(UkTime.Today(ordered[i].FromUtc)), ordered[i].OrganisationId, StepsUp);
            }
        }

        List<RetentionFigure> figures = [.. rows.Select(r => RetentionFigure.Of(r.Key.Month, r.Key.Scope, r.Key.Figure, r.Key.Dimension, r.Key.Category, r.Value, now))];
        var (_, training) = await _training.ComputeAsync(thisMonth, now, cancellationToken);
        // A full run replaces every month, including any before the first member of staff there is now (an erasure's).
        return ((thisMonth.Year - first.Year) * 12 + thisMonth.Month - first.Month + 1, Replacing(db, full ? DateOnly.MinValue : first, figures, training));
    }

    /// <summary>The replacing of the months' rows, made apart from the working out so that it holds only the rows to write (as the pipeline's).</summary>
    private static Func<CancellationToken, Task> Replacing(PortalDbContext db, DateOnly first, List<RetentionFigure> figures, Func<CancellationToken, Task> training) => async ct =>
    {
        // The training-in-date figures share the table and keep their own months (a record of how things stood).
        await db.Set<RetentionFigure>().Where(f => f.Month >= first && !TrainingInDateRollup.Figures.Contains(f.Figure)).ExecuteDeleteAsync(ct);
        await BulkInsert.EntitiesAsync(db, figures, ct);
        await training(ct);
    };

    /// <summary>When a UK calendar month begins, in UTC.</summary>
    public static DateTime MonthStartUtc(DateOnly month) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(month.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), UkTime.Zone);
}
