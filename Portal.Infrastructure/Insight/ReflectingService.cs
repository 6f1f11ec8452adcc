using Microsoft.EntityFrameworkCore;
using Portal.Domain.Equality;
using Portal.Domain.Insight;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Insight;

/// <summary>
/// "Reflecting the people it serves": the workforce and the pipeline by a monitoring question,
/// beside the city's own figures that analysts enter with their source and year. Counts follow
/// <see cref="SmallNumbers"/>; shares are worked out from the published (rounded) counts, so they
/// give away nothing the counts do not.
/// </summary>
public sealed class ReflectingService(PortalDbContext db, InsightService insight, TimeProvider clock, InsightFiguresCache figures)
{
    public sealed record Entry(string? Characteristic, string? Category, decimal? Share, string? Source, int? Year);

    public sealed record Reference(Guid Id, string Characteristic, string Question, string Category, string Group, decimal Share, string Source, int Year);

    /// <param name="Reference">The latest year's city figure for the group, if an analyst entered one.</param>
    public sealed record GroupFigures(string Category, string Group, Reference? Reference, ShownCount Workforce, int? WorkforceShare, ShownCount Applied, int? AppliedShare, ShownCount Hired, int? HiredShare);

    public sealed record Reflecting(InsightService.Scope Scope, MonthRange Range, EqualityQuestion Question, IReadOnlyList<GroupFigures> Groups, ShownCount WorkforceTotal, ShownCount AppliedTotal, ShownCount HiredTotal, DateTime? AsOfUtc);

    public async Task<IReadOnlyList<Reference>> ReferencesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ReferenceFigure>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(ReferenceOf).OrderBy(r => Order(r.Characteristic)).ThenBy(r => r.Group, StringComparer.Ordinal).ThenByDescending(r => r.Year)];
    }

    /// <summary>Adds a figure, or corrects the one for the same group and year.</summary>
    public async Task<Result> SaveAsync(string analystId, Entry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = clock.GetUtcNow().UtcDateTime;
        var thisYear = UkTime.Today(now).Year;
        if (ReferenceFigure.Problems(entry.Characteristic, entry.Category, entry.Share, entry.Source, entry.Year, thisYear) is [var problem, ..])
            return Result.Invalid(problem.Field, problem.Message);
        var existing = await db.Set<ReferenceFigure>().FirstOrDefaultAsync(f => f.Characteristic == entry.Characteristic && f.Category == entry.Category && f.Year == entry.Year, cancellationToken);
        if (existing is null)
            db.Add(ReferenceFigure.Create(entry.Characteristic!, entry.Category!, entry.Share!.Value, entry.Source!, entry.Year!.Value, thisYear, analystId, now));
        else
            existing.Correct(entry.Share!.Value, entry.Source!, thisYear, analystId, now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    public async Task<Result> RemoveAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<ReferenceFigure>().Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? Result.NotFound() : Result.Done();

    /// <param name="characteristic">A monitoring question's key; an unknown one is invalid.</param>
    public async Task<Result<Reflecting>> ReflectingAsync(InsightService.Viewer viewer, Guid? organisationId, MonthRange range, string characteristic, CancellationToken cancellationToken = default)
    {
        var scope = (await insight.ScopesAsync(viewer, cancellationToken)).FirstOrDefault(s => s.OrganisationId == organisationId);
        if (scope is null)
            return Result.NotFound();
        if (EqualityQuestions.All.FirstOrDefault(q => q.Key == characteristic) is not { } question)
            return Result.Invalid("Characteristic", "Choose a question from the list");
        var key = organisationId ?? LearningMonth.City;
        var (counts, asOf) = await figures.GetAsync(db, (nameof(ReflectingAsync), key, range, characteristic), async ct =>
        {
            string[] wanted = [PipelineRollup.Workforce, PipelineStages.Key(PipelineStage.Applied), PipelineStages.Key(PipelineStage.Hired)];
            var rows = await db.Set<InsightFigure>().AsNoTracking()
                .Where(f => f.OrganisationId == key && f.Dimension == characteristic && f.Month >= range.First && f.Month <= range.Last && wanted.Contains(f.Figure))
                .Select(f => new { f.Month, f.Figure, f.Category, f.Count })
                .ToListAsync(ct);
            // The workforce is people in post at the end of the range; applied and hired are over the whole range.
            var workforceMonth = rows.Where(r => r.Figure == PipelineRollup.Workforce).Select(r => r.Month).DefaultIfEmpty(range.Last).Max();
            var summed = rows
                .Where(r => r.Figure != PipelineRollup.Workforce || r.Month == workforceMonth)
                .GroupBy(r => (r.Figure, r.Category))
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            return (summed.AsReadOnly(), summed.Count);
        }, cancellationToken);
        int Count(string figure, string? category) => category is null
            ? counts.Where(c => c.Key.Figure == figure).Sum(c => c.Value)
            : counts.GetValueOrDefault((figure, category));
        var references = (await db.Set<ReferenceFigure>().AsNoTracking().Where(f => f.Characteristic == characteristic).ToListAsync(cancellationToken))
            .GroupBy(f => f.Category).ToDictionary(g => g.Key, g => ReferenceOf(g.OrderByDescending(f => f.Year).First()), StringComparer.Ordinal);

        var totals = (Workforce: SmallNumbers.Show(Count(PipelineRollup.Workforce, null)), Applied: SmallNumbers.Show(Count(PipelineStages.Key(PipelineStage.Applied), null)), Hired: SmallNumbers.Show(Count(PipelineStages.Key(PipelineStage.Hired), null)));
        static int? ShareOf(ShownCount part, ShownCount whole) =>
            part.Value is { } p && whole.Value is { } w && w > 0 ? (int)Math.Round(100.0 * p / w, MidpointRounding.AwayFromZero) : null;
        var groups = question.Options.Select(o => (o.Code, o.Label)).Append((Code: PipelineRollup.NotAnswered, Label: "Not answered")).Select(option =>
        {
            var workforce = SmallNumbers.Show(Count(PipelineRollup.Workforce, option.Code));
            var applied = SmallNumbers.Show(Count(PipelineStages.Key(PipelineStage.Applied), option.Code));
            var hired = SmallNumbers.Show(Count(PipelineStages.Key(PipelineStage.Hired), option.Code));
            return new GroupFigures(option.Code, option.Label, references.GetValueOrDefault(option.Code), workforce, ShareOf(workforce, totals.Workforce),
                applied, ShareOf(applied, totals.Applied), hired, ShareOf(hired, totals.Hired));
        }).ToList();
        return Result.Done(new Reflecting(scope, range, question, groups, totals.Workforce, totals.Applied, totals.Hired, asOf));
    }

    private static int Order(string characteristic) => EqualityQuestions.All.ToList().FindIndex(q => q.Key == characteristic);

    private static Reference ReferenceOf(ReferenceFigure f)
    {
        var question = EqualityQuestions.All.First(q => q.Key == f.Characteristic);
        return new Reference(f.Id, f.Characteristic, question.Text, f.Category, question.LabelOf(f.Category) ?? f.Category, f.Share, f.Source, f.Year);
    }
}
