using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// Plan steps that are portal things complete themselves: the services that record a pass or an
/// application call this inside their own unit of work, so the step and the thing that completed it
/// are saved together (and a pass rolled back leaves the step open).
/// </summary>
public static class PlanLinks
{
    /// <summary>The person passed this module: their open module steps for it are done.</summary>
    public static Task ModulePassedAsync(this PortalDbContext db, string userId, string moduleSlug, DateTime utcNow, CancellationToken cancellationToken = default) =>
        CompleteAsync(db, userId, PlanStepKind.LearningModule, moduleSlug, utcNow, cancellationToken);

    /// <summary>The person applied to this vacancy: their open application steps for it are done.</summary>
    public static Task AppliedAsync(this PortalDbContext db, string userId, Guid vacancyId, DateTime utcNow, CancellationToken cancellationToken = default) =>
        CompleteAsync(db, userId, PlanStepKind.Application, VacancyLink(vacancyId), utcNow, cancellationToken);

    /// <summary>How a vacancy is named in a step's link: one spelling, so a lookup by link finds it.</summary>
    public static string VacancyLink(Guid vacancyId) => vacancyId.ToString("D");

    private static async Task CompleteAsync(PortalDbContext db, string userId, PlanStepKind kind, string link, DateTime utcNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cases = db.Set<NavigationCase>().Where(c => c.UserId == userId && c.Stage != CaseStage.Closed).Select(c => c.Id);
        var steps = await db.Set<PlanStep>()
            .Where(s => cases.Contains(s.CaseId) && s.Kind == kind && s.Link == link && s.Status == StepStatus.ToDo)
            .ToListAsync(cancellationToken);
        foreach (var step in steps)
            step.Complete(StepDoneBy.Portal, utcNow);
    }
}
