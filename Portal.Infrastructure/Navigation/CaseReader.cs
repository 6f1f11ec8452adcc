using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Navigation;

/// <summary>Reads a case's plan and notes the same way for the navigator and for the person.</summary>
public sealed class CaseReader(PortalDbContext db, ContentStore content)
{
    public async Task<IReadOnlyList<StepView>> StepsAsync(Guid caseId, DateOnly today, CancellationToken cancellationToken)
    {
        var steps = await db.Set<PlanStep>().AsNoTracking().Where(s => s.CaseId == caseId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var vacancyIds = steps.Where(s => s.Kind == PlanStepKind.Application && Guid.TryParse(s.Link, out _)).Select(s => Guid.Parse(s.Link!)).ToList();
        var vacancies = vacancyIds.Count == 0 ? [] : await db.Set<Vacancy>().AsNoTracking().Where(v => vacancyIds.Contains(v.Id))
            .ToDictionaryAsync(v => PlanLinks.VacancyLink(v.Id), v => v.Details.Title, cancellationToken);
        var modules = content.Current.Modules;
        return [.. steps
            .Select(s =>
            {
                var (title, gone) = s.Kind switch
                {
                    PlanStepKind.LearningModule => modules.TryGetValue(s.Link!, out var module) ? (module.Title, false) : ("A module no longer on the portal", true),
                    PlanStepKind.Application => vacancies.TryGetValue(s.Link!, out var job) ? (job, false) : ("A job no longer on the portal", true),
                    _ => (StepView.KindName(s.Kind), false),
                };
                return new StepView(s.Id, s.Kind, title, s.Details, s.Owner, s.DueOn, s.Status, s.Link, gone, s.DoneAtUtc, s.DoneBy, s.IsOverdue(today));
            })
            // To do first, soonest due first (undated last), then what is done, latest first.
            .OrderBy(s => s.IsDone).ThenBy(s => s.IsDone ? DateOnly.MaxValue : s.DueOn ?? DateOnly.MaxValue).ThenByDescending(s => s.DoneAtUtc).ThenBy(s => s.Id)];
    }

    public async Task<IReadOnlyList<NoteView>> NotesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ContactNote>().AsNoTracking().Where(n => n.CaseId == caseId)
            .GroupJoin(db.Users, n => n.WrittenBy, u => u.Id, (n, users) => new { n, users })
            .SelectMany(x => x.users.DefaultIfEmpty(), (x, u) => new { x.n.Id, x.n.On, x.n.How, x.n.Text, x.n.WrittenBy, x.n.WrittenAtUtc, Name = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email })
            .OrderByDescending(n => n.On).ThenByDescending(n => n.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new NoteView(r.Id, r.On, r.How, r.Text, r.Email is null ? "A navigator no longer here" : PortalUser.ShownName(r.Name, r.Email), r.WrittenBy, r.WrittenAtUtc))];
    }

    /// <summary>The next step to do: the soonest due of those not done, undated ones last.</summary>
    public static StepView? Next(IEnumerable<StepView> steps) => steps.FirstOrDefault(s => !s.IsDone);
}
