using Microsoft.EntityFrameworkCore;
using Portal.Domain.Insight;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// Required training in date, read from the <see cref="TrainingInDateRollup"/> rows and published
/// only as <see cref="TrainingInDate"/> allows: staff counted (rounded), and shares worked out from
/// rounded counts, never about fewer than 5 staff. The item counts themselves are not published.
/// </summary>
public sealed class TrainingInDateService(PortalDbContext db, InsightService insight)
{
    /// <param name="Recorded">Whether the month was worked out (months before the portal recorded it were not).</param>
    /// <param name="HeldPercent">Of the training their jobs require, the share held; null when too few to say.</param>
    /// <param name="AllHeldPercent">Of the staff, the share with all of theirs held; null when too few to say.</param>
    public sealed record Standing(bool Recorded, ShownCount Staff, int? HeldPercent, int? AllHeldPercent);

    public sealed record MonthStanding(DateOnly Month, Standing Standing);

    /// <param name="Key">The stored category (a sector or setting's name; empty for "not recorded").</param>
    public sealed record GroupStanding(string Key, string Name, Standing Standing);

    /// <param name="Now">At the end of the range's last month (as of now, when that month is this one).</param>
    /// <param name="Before">At the end of the period before.</param>
    /// <param name="City">The city beside an employer; null when the scope is the city.</param>
    /// <param name="Sectors">The city by kind of employer at <paramref name="Now"/>; empty for an employer.</param>
    /// <param name="Settings">The city by care setting at <paramref name="Now"/>; empty for an employer.</param>
    public sealed record Figures(
        InsightService.Scope Scope, MonthRange Range, Standing Now, Standing Before, Standing? City, IReadOnlyList<MonthStanding> Months,
        IReadOnlyList<GroupStanding> Sectors, IReadOnlyList<GroupStanding> Settings, DateTime? AsOfUtc);

    public async Task<Result<Figures>> FiguresAsync(InsightService.Viewer viewer, Guid? organisationId, MonthRange range, CancellationToken cancellationToken = default)
    {
        var scope = (await insight.ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        var key = organisationId ?? LearningMonth.City;
        var before = range.Before;
        var figures = TrainingInDateRollup.Figures;
        var rows = await db.Set<RetentionFigure>().AsNoTracking()
            .Where(f => (f.OrganisationId == key || f.OrganisationId == LearningMonth.City) && figures.Contains(f.Figure)
                && (f.Month == before.Last || (f.Month >= range.First && f.Month <= range.Last)))
            .Select(f => new { f.OrganisationId, f.Month, f.Figure, f.Dimension, f.Category, f.Count, f.ComputedAtUtc })
            .ToListAsync(cancellationToken);
        var recorded = rows.Where(r => r.OrganisationId == LearningMonth.City && r.Dimension == InsightFigure.All && r.Figure == TrainingInDateRollup.Staff)
            .Select(r => r.Month).ToHashSet();

        Standing At(Guid scopeKey, DateOnly month, string dimension = InsightFigure.All, string category = "")
        {
            int Count(string figure) => rows.Where(r => r.OrganisationId == scopeKey && r.Month == month && r.Dimension == dimension && r.Category == category && r.Figure == figure).Sum(r => r.Count);
            var staff = Count(TrainingInDateRollup.Staff);
            return new Standing(recorded.Contains(month), SmallNumbers.Show(staff),
                TrainingInDate.ItemsPercent(staff, Count(TrainingInDateRollup.Held), Count(TrainingInDateRollup.Required)),
                TrainingInDate.StaffPercent(staff, Count(TrainingInDateRollup.StaffAllHeld)));
        }

        IReadOnlyList<GroupStanding> Groups(string dimension, Func<string, string> name) => organisationId is not null ? [] : [.. rows
            .Where(r => r.OrganisationId == LearningMonth.City && r.Dimension == dimension && r.Month == range.Last)
            .Select(r => r.Category).Distinct()
            .Select(category => new GroupStanding(category, name(category), At(LearningMonth.City, range.Last, dimension, category)))
            .OrderBy(g => g.Name, StringComparer.Ordinal)];

        var asOf = rows.Where(r => r.Month == range.Last).Max(r => (DateTime?)r.ComputedAtUtc);
        return Result.Done(new Figures(scope, range, At(key, range.Last), At(key, before.Last),
            organisationId is null ? null : At(LearningMonth.City, range.Last),
            [.. range.Each().Select(month => new MonthStanding(month, At(key, month)))],
            Groups(RetentionRollup.BySector, RetentionService.SectorName),
            Groups(TrainingInDateRollup.BySetting, category => CareSettings.Name(CareSettings.Parse(category))),
            asOf));
    }
}
