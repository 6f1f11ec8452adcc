using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pathways;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Pathways;

/// <summary>A person's saved career plan: one per person, replaced when they save another.</summary>
public sealed class PlanService(PortalDbContext db, Rematch rematch, TimeProvider clock)
{
    /// <summary>The person's current job and months in care, from the staff lists they are (or were) on with a job.</summary>
    public async Task<WorkHistory> WorkHistoryAsync(string userId, CancellationToken cancellationToken = default)
    {
        var spells = await db.Set<Portal.Domain.Organisations.Membership>().AsNoTracking()
            .Where(m => m.UserId == userId && m.JobRole != null)
            .Select(m => new JobSpell(m.JobRole!, m.StartedAtUtc, m.EndedAtUtc))
            .ToListAsync(cancellationToken);
        return WorkHistory.From(spells, clock.GetUtcNow().UtcDateTime);
    }

    public Task<SavedPlan?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        PlanOf(db, userId, cancellationToken);

    // On the person's home page at every view: compiled once (issue 25).
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<SavedPlan?>> PlanOf = CompiledQueries.One((PortalDbContext db, string userId, CancellationToken _) =>
        db.Set<SavedPlan>().AsNoTracking().FirstOrDefault(p => p.UserId == userId));

    /// <summary>Saves the plan when both roles exist and the goal is a job; invalid (nothing saved) otherwise.</summary>
    public async Task<Result> SaveAsync(string userId, string fromRole, string toRole, ContentSet content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.Roles.ContainsKey(fromRole))
            return Result.Invalid("From", "Choose where you are starting from");
        if (!content.Roles.TryGetValue(toRole, out var goal) || goal.EntryPoint || fromRole == toRole)
            return Result.Invalid("To", "Choose the job you want to do");
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.Set<SavedPlan>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (plan is null)
            db.Add(SavedPlan.Create(userId, fromRole, toRole, now));
        else
            plan.ChangeTo(fromRole, toRole, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved from two tabs at once: the other one's insert won; save over it.
            db.ChangeTracker.Clear();
            var existing = await db.Set<SavedPlan>().FirstAsync(p => p.UserId == userId, cancellationToken);
            existing.ChangeTo(fromRole, toRole, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        // The roles on their route count towards their matches.
        rematch.PersonChanged(userId);
        return Result.Done();
    }
}
