using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Equality;
using Portal.Domain.Insight;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Programme = Portal.Domain.Programmes.Programme;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// The pipeline and programme figures, read from <see cref="InsightFigure"/> rows and shown only
/// as <see cref="SmallNumbers"/> allows: raw counts are added up first and rounded once.
/// </summary>
public sealed class PipelineService(PortalDbContext db, InsightService insight, ContentStore content, InsightFiguresCache figures)
{
    public sealed record Breakdown(string Key, string Name);

    /// <summary>What the pipeline can be broken down by: route, programme, neighbourhood, then each monitoring question.</summary>
    public static IReadOnlyList<Breakdown> Breakdowns { get; } =
    [
        new(PipelineRollup.ByRoute, "Career route (the job it leads to)"),
        new(PipelineRollup.ByProgramme, "Programme"),
        new(PipelineRollup.ByNeighbourhood, "Priority neighbourhood"),
        new(EqualityQuestions.Ethnicity.Key, "Ethnic group"),
        new(EqualityQuestions.Sex.Key, "Sex"),
        new(EqualityQuestions.GenderIdentity.Key, "Gender identity"),
        new(EqualityQuestions.AgeBand.Key, "Age"),
        new(EqualityQuestions.Disability.Key, "Disability"),
        new(EqualityQuestions.Religion.Key, "Religion"),
        new(EqualityQuestions.SexualOrientation.Key, "Sexual orientation"),
        new(EqualityQuestions.CaringResponsibilities.Key, "Unpaid caring"),
    ];

    /// <param name="City">The city's figure beside an organisation's; null when the scope is the city.</param>
    public sealed record StageFigures(PipelineStage Stage, string Name, ShownCount Now, ShownCount Before, ShownCount? City);

    public sealed record MonthStages(DateOnly Month, IReadOnlyList<ShownCount> Stages);

    public sealed record CategoryStages(string Category, string Label, IReadOnlyList<ShownCount> Stages);

    /// <param name="Now">Median days this period; null when there were too few to say.</param>
    public sealed record Median(double? Now, double? Before, ShownCount Count, ShownCount CountBefore);

    /// <param name="PercentNow">Whole per cent of the vacancies posted; null when fewer than five were posted.</param>
    public sealed record FairWorkShare(string Fact, int? PercentNow, int? PercentBefore);

    public sealed record Pipeline(
        InsightService.Scope Scope, MonthRange Range, IReadOnlyList<StageFigures> Stages, IReadOnlyList<MonthStages> Months,
        Breakdown? By, IReadOnlyList<CategoryStages> Categories, Median TimeToHire, Median TimeToFill,
        ShownCount Posted, ShownCount PostedBefore, ShownCount Filled, ShownCount FilledBefore, IReadOnlyList<FairWorkShare> FairWork, DateTime? AsOfUtc);

    public sealed record CohortFunnel(Guid Cohort, string Programme, DateOnly StartsOn, DateOnly EndsOn, ShownCount Started, ShownCount Completed, ShownCount Interviewed, ShownCount Hired, ShownCount InWork);

    public sealed record Programmes(InsightService.Scope Scope, MonthRange Range, IReadOnlyList<CohortFunnel> Cohorts, CohortFunnel? Total, DateTime? AsOfUtc);

    /// <param name="by">A key of <see cref="Breakdowns"/>, or null for none; an unknown key is invalid.</param>
    public async Task<Result<Pipeline>> PipelineAsync(InsightService.Viewer viewer, Guid? organisationId, MonthRange range, string? by, CancellationToken cancellationToken = default)
    {
        var scope = (await insight.ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        var breakdown = by is null ? null : Breakdowns.FirstOrDefault(b => b.Key == by);
        if (by is not null && breakdown is null)
            return Result.Invalid("By", "Choose what to break the figures down by from the list");
        var key = organisationId ?? LearningMonth.City;
        var before = range.Before;
        var dimensions = new[] { InsightFigure.All, InsightFigure.ByDays, PipelineRollup.ByFairWork, breakdown?.Key ?? InsightFigure.All };
        // Thousands of rows for a breakdown (two years of the scope's and the city's months in each
        // of its categories), the same for every viewer of the scope until the next run: kept.
        var (series, asOf) = await figures.GetAsync(db, (nameof(PipelineAsync), key, range, breakdown?.Key), async ct =>
        {
            var rows = await db.Set<InsightFigure>().AsNoTracking()
                .Where(f => (f.OrganisationId == key || f.OrganisationId == LearningMonth.City) && f.Month >= before.First && f.Month <= range.Last && dimensions.Contains(f.Dimension))
                .Select(f => new { f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category, f.Count })
                .ToListAsync(ct);
            // Looked up, not scanned: a page asks for a few hundred sums over thousands of rows.
            IReadOnlyDictionary<SeriesKey, (DateOnly Month, int Count)[]> grouped = rows.GroupBy(r => new SeriesKey(r.OrganisationId, r.Figure, r.Dimension, r.Category))
                .ToDictionary(g => g.Key, g => g.Select(r => (r.Month, r.Count)).ToArray());
            return (grouped, rows.Count);
        }, cancellationToken);
        int Sum(Guid scopeKey, MonthRange within, string figure, string dimension = InsightFigure.All, string category = "") =>
            series.TryGetValue(new(scopeKey, figure, dimension, category), out var months) ? months.Where(m => within.Contains(m.Month)).Sum(m => m.Count) : 0;

        var stages = PipelineStages.All.Select(stage =>
        {
            var figure = PipelineStages.Key(stage);
            return new StageFigures(stage, PipelineStages.Name(stage), SmallNumbers.Show(Sum(key, range, figure)), SmallNumbers.Show(Sum(key, before, figure)),
                organisationId is null ? null : SmallNumbers.Show(Sum(LearningMonth.City, range, figure)));
        }).ToList();
        var months = range.Each().Select(month => new MonthStages(month, [.. PipelineStages.All.Select(stage => SmallNumbers.Show(MonthCount(month, stage)))])).ToList();

        int MonthCount(DateOnly month, PipelineStage stage) =>
            series.TryGetValue(new(key, PipelineStages.Key(stage), InsightFigure.All, ""), out var months) ? months.Where(m => m.Month == month).Sum(m => m.Count) : 0;

        var categories = new List<CategoryStages>();
        if (breakdown is not null)
        {
            var labels = await LabelsAsync(breakdown.Key, cancellationToken);
            var seen = series.Where(s => s.Key.OrganisationId == key && s.Key.Dimension == breakdown.Key && s.Value.Any(m => range.Contains(m.Month))).Select(s => s.Key.Category).Distinct();
            categories = [.. labels.Keys.Union(seen).Select(category => new CategoryStages(category, labels.GetValueOrDefault(category) ?? category,
                    [.. PipelineStages.All.Select(stage => SmallNumbers.Show(Sum(key, range, PipelineStages.Key(stage), breakdown.Key, category)))]))
                .Where(c => c.Stages.Any(s => s.Value != 0))];
        }

        // Each duration's months, found once (the series hold every figure and breakdown).
        var durations = series.Where(s => s.Key.OrganisationId == key && s.Key.Dimension == InsightFigure.ByDays)
            .ToLookup(s => s.Key.Figure, s => (Days: int.Parse(s.Key.Category, CultureInfo.InvariantCulture), Months: s.Value));
        Median MedianOf(string figure)
        {
            var now = Days(range, figure);
            var then = Days(before, figure);
            return new(Durations.Median(now), Durations.Median(then), SmallNumbers.Show(now.Sum(d => d.Value)), SmallNumbers.Show(then.Sum(d => d.Value)));
        }
        List<KeyValuePair<int, int>> Days(MonthRange within, string figure) => [.. durations[figure]
            .SelectMany(d => d.Months.Where(m => within.Contains(m.Month)).Select(m => new KeyValuePair<int, int>(d.Days, m.Count)))];

        var postedNow = Sum(key, range, PipelineRollup.VacanciesPosted);
        var postedBefore = Sum(key, before, PipelineRollup.VacanciesPosted);
        static int? Percent(int part, int whole) => whole < SmallNumbers.Threshold ? null : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);
        var fairWork = new[] { Domain.Talent.FairWork.RealLivingWage, Domain.Talent.FairWork.PaidWholeShift, Domain.Talent.FairWork.GuaranteedHours, Domain.Talent.FairWork.PaidTravelTime, Domain.Talent.FairWork.PaidTraining }
            .Select(fact => new FairWorkShare(fact, Percent(Sum(key, range, PipelineRollup.VacanciesPosted, PipelineRollup.ByFairWork, fact), postedNow),
                Percent(Sum(key, before, PipelineRollup.VacanciesPosted, PipelineRollup.ByFairWork, fact), postedBefore)))
            .ToList();

        return Result.Done(new Pipeline(scope, range, stages, months, breakdown, categories, MedianOf(PipelineRollup.DaysToHire), MedianOf(PipelineRollup.DaysToFill),
            SmallNumbers.Show(postedNow), SmallNumbers.Show(postedBefore), SmallNumbers.Show(Sum(key, range, PipelineRollup.VacanciesFilled)), SmallNumbers.Show(Sum(key, before, PipelineRollup.VacanciesFilled)),
            fairWork, asOf));
    }

    private readonly record struct SeriesKey(Guid OrganisationId, string Figure, string Dimension, string Category);

    /// <summary>The cohorts that started in the months, newest first, each with its funnel over its whole life so far.</summary>
    public async Task<Result<Programmes>> ProgrammesAsync(InsightService.Viewer viewer, Guid? organisationId, MonthRange range, CancellationToken cancellationToken = default)
    {
        var scope = (await insight.ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        var key = organisationId ?? LearningMonth.City;
        var (counts, asOf) = await figures.GetAsync(db, (nameof(ProgrammesAsync), key, range), async ct =>
        {
            var rows = await db.Set<InsightFigure>().AsNoTracking()
                .Where(f => f.OrganisationId == key && f.Dimension == InsightFigure.ByCohort && f.Month >= range.First && f.Month <= range.Last)
                .GroupBy(f => new { f.Figure, f.Category })
                .Select(g => new { g.Key.Figure, g.Key.Category, Count = g.Sum(f => f.Count) })
                .ToListAsync(ct);
            IReadOnlyDictionary<(string Figure, Guid Cohort), int> summed = rows.ToDictionary(r => (r.Figure, Guid.Parse(r.Category)), r => r.Count);
            return (summed, rows.Count);
        }, cancellationToken);
        var ids = counts.Keys.Select(k => k.Cohort).Distinct().ToList();
        var cohorts = await db.Set<Cohort>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Set<Programme>(), c => c.ProgrammeId, p => p.Id, (c, p) => new { c.Id, p.Title, c.StartsOn, c.EndsOn })
            .ToListAsync(cancellationToken);

        int Count(IEnumerable<Guid> these, string figure) => these.Sum(cohort => counts.GetValueOrDefault((figure, cohort)));
        CohortFunnel Funnel(Guid id, string title, DateOnly starts, DateOnly ends, IReadOnlyCollection<Guid> these) => new(id, title, starts, ends,
            SmallNumbers.Show(Count(these, PipelineRollup.CohortStarted)), SmallNumbers.Show(Count(these, PipelineRollup.CohortCompleted)),
            SmallNumbers.Show(Count(these, PipelineRollup.CohortInterviewed)), SmallNumbers.Show(Count(these, PipelineRollup.CohortHired)),
            SmallNumbers.Show(Count(these, PipelineRollup.CohortInWork)));

        var funnels = cohorts.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title, StringComparer.Ordinal)
            .Select(c => Funnel(c.Id, c.Title, c.StartsOn, c.EndsOn, [c.Id])).ToList();
        var total = cohorts.Count == 0 ? null : Funnel(Guid.Empty, "All these cohorts", range.First, range.Last, [.. cohorts.Select(c => c.Id)]);
        return Result.Done(new Programmes(scope, range, funnels, total, asOf));
    }

    private async Task<Dictionary<string, string>> LabelsAsync(string dimension, CancellationToken cancellationToken)
    {
        if (dimension == PipelineRollup.ByRoute)
            return content.Current.Roles.Values.Where(r => !r.EntryPoint).ToDictionary(r => r.Slug, r => r.Title, StringComparer.Ordinal)
                .Append(new(PipelineRollup.NoneCategory, "No route saved")).ToDictionary(StringComparer.Ordinal);
        if (dimension == PipelineRollup.ByProgramme)
            return (await db.Set<Programme>().AsNoTracking().Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken))
                .ToDictionary(p => p.Id.ToString(), p => p.Title, StringComparer.Ordinal)
                .Append(new(PipelineRollup.NoneCategory, "No programme")).ToDictionary(StringComparer.Ordinal);
        if (dimension == PipelineRollup.ByNeighbourhood)
        {
            return new(StringComparer.Ordinal)
            {
                [nameof(NeighbourhoodStanding.Priority)] = "Lives in a priority neighbourhood",
                [nameof(NeighbourhoodStanding.NotPriority)] = "Lives elsewhere",
                [nameof(NeighbourhoodStanding.NotKnown)] = "Not known (no full postcode)",
            };
        }
        var question = EqualityQuestions.All.First(q => q.Key == dimension);
        return question.Options.ToDictionary(o => o.Code, o => o.Label, StringComparer.Ordinal)
            .Append(new(PipelineRollup.NotAnswered, "Not answered")).ToDictionary(StringComparer.Ordinal);
    }
}
