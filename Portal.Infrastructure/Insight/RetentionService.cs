using Microsoft.EntityFrameworkCore;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Retention and progression, read from <see cref="RetentionFigure"/> rows and shown only as
/// <see cref="SmallNumbers"/> allows: raw counts are added up first and rounded once, and every
/// share is of the published counts (<see cref="Turnover"/>).
/// </summary>
public sealed class RetentionService(PortalDbContext db, InsightService insight)
{
    /// <param name="Percent">Whole per cent of <paramref name="Due"/> still in post; null when too few to say.</param>
    public sealed record RetentionShare(int Months, ShownCount Due, ShownCount Retained, int? Percent);

    /// <summary>One period's figures for one scope: staff in post and the in-post counts at its last month's end; starters, leavers and steps up over it; turnover over the year to its last month.</summary>
    public sealed record Measures(
        ShownCount InPost, ShownCount Starters, ShownCount Leavers, int? TurnoverPercent, IReadOnlyList<RetentionShare> Retention,
        ShownCount StepsUp, ShownCount EnhancedCareWorkers, ShownCount Apprentices);

    public sealed record MonthFigures(DateOnly Month, ShownCount InPost, ShownCount Starters, ShownCount Leavers, int? TurnoverPercent);

    public sealed record SectorMeasures(string Sector, string Name, Measures Now);

    /// <param name="City">The city's figures beside an employer's; null when the scope is the city.</param>
    /// <param name="Sectors">The city by the kind of organisation; empty for an employer.</param>
    public sealed record Retention(
        InsightService.Scope Scope, MonthRange Range, Measures Now, Measures Before, Measures? City, IReadOnlyList<MonthFigures> Months,
        IReadOnlyList<SectorMeasures> Sectors, DateTime? AsOfUtc);

    public static string SectorName(string sector) => sector switch
    {
        nameof(OrganisationType.CareProvider) => "Care providers",
        nameof(OrganisationType.NhsTrust) => "NHS trusts",
        nameof(OrganisationType.Council) => "Councils",
        nameof(OrganisationType.Charity) => "Charities",
        _ => sector,
    };

    public async Task<Result<Retention>> RetentionAsync(InsightService.Viewer viewer, Guid? organisationId, MonthRange range, CancellationToken cancellationToken = default)
    {
        var scope = (await insight.ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        var key = organisationId ?? LearningMonth.City;
        var before = range.Before;
        var from = before.First.AddMonths(-(Turnover.Months - 1));
        var rows = await db.Set<RetentionFigure>().AsNoTracking()
            .Where(f => (f.OrganisationId == key || f.OrganisationId == LearningMonth.City) && f.Month >= from && f.Month <= range.Last)
            // The table also holds the training-in-date figures (their own page reads them).
            .Where(f => !TrainingInDateRollup.Figures.Contains(f.Figure))
            .Select(f => new { f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category, f.Count })
            .ToListAsync(cancellationToken);

        int Sum(Guid scopeKey, string dimension, string category, string figure, DateOnly first, DateOnly last) =>
            rows.Where(r => r.OrganisationId == scopeKey && r.Dimension == dimension && r.Category == category && r.Figure == figure && r.Month >= first && r.Month <= last).Sum(r => r.Count);

        int? TurnoverTo(Guid scopeKey, string dimension, string category, DateOnly month)
        {
            var first = month.AddMonths(-(Turnover.Months - 1));
            var headcounts = Enumerable.Range(0, Turnover.Months).Select(i => Sum(scopeKey, dimension, category, RetentionRollup.Headcount, first.AddMonths(i), first.AddMonths(i))).ToList();
            return Turnover.Percent(Sum(scopeKey, dimension, category, RetentionRollup.Leavers, first, month), headcounts);
        }

        Measures MeasuresOf(Guid scopeKey, MonthRange within, string dimension = InsightFigure.All, string category = "")
        {
            int Over(string figure) => Sum(scopeKey, dimension, category, figure, within.First, within.Last);
            int AtEnd(string figure) => Sum(scopeKey, dimension, category, figure, within.Last, within.Last);
            var retention = RetentionRollup.RetentionMonths.Select(months =>
            {
                var due = SmallNumbers.Show(Over(RetentionRollup.Due(months)));
                var retained = SmallNumbers.Show(Over(RetentionRollup.Retained(months)));
                return new RetentionShare(months, due, retained, Turnover.Share(retained, due));
            }).ToList();
            return new Measures(
                SmallNumbers.Show(AtEnd(RetentionRollup.Headcount)), SmallNumbers.Show(Over(RetentionRollup.Starters)), SmallNumbers.Show(Over(RetentionRollup.Leavers)),
                TurnoverTo(scopeKey, dimension, category, within.Last), retention, SmallNumbers.Show(Over(RetentionRollup.StepsUp)),
                SmallNumbers.Show(AtEnd(RetentionRollup.EnhancedCareWorkers)), SmallNumbers.Show(AtEnd(RetentionRollup.Apprentices)));
        }

        var months = range.Each().Select(month => new MonthFigures(month,
            SmallNumbers.Show(Sum(key, InsightFigure.All, "", RetentionRollup.Headcount, month, month)),
            SmallNumbers.Show(Sum(key, InsightFigure.All, "", RetentionRollup.Starters, month, month)),
            SmallNumbers.Show(Sum(key, InsightFigure.All, "", RetentionRollup.Leavers, month, month)),
            TurnoverTo(key, InsightFigure.All, "", month))).ToList();
        var sectors = organisationId is not null ? [] : rows
            .Where(r => r.OrganisationId == LearningMonth.City && r.Dimension == RetentionRollup.BySector && range.Contains(r.Month))
            .Select(r => r.Category).Distinct().Order(StringComparer.Ordinal)
            .Select(sector => new SectorMeasures(sector, SectorName(sector), MeasuresOf(LearningMonth.City, range, RetentionRollup.BySector, sector)))
            .ToList();
        var asOf = await InsightFiguresCache.AsOfAsync(db, cancellationToken);
        return Result.Done(new Retention(scope, range, MeasuresOf(key, range), MeasuresOf(key, before),
            organisationId is null ? null : MeasuresOf(LearningMonth.City, range), months, sectors, asOf));
    }
}
