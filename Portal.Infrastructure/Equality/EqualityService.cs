using Microsoft.EntityFrameworkCore;
using Portal.Domain.Equality;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Equality;

/// <summary>
/// A person's own equality monitoring answers, and nothing else: every method is keyed to the
/// signed-in person. No page or export for recruiters, employers or navigators reads this table;
/// figures for the hub are to be made only in aggregate, with small numbers suppressed.
/// </summary>
public sealed class EqualityService(PortalDbContext db, TimeProvider clock)
{
    public Task<EqualityAnswers?> MineAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<EqualityAnswers>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);

    /// <param name="answers">By question key; a blank leaves that question unanswered.</param>
    public async Task<Result> SaveAsync(string userId, IReadOnlyDictionary<string, string?> answers, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<EqualityAnswers>().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);
        var isNew = row is null;
        row ??= EqualityAnswers.For(userId);
        try
        {
            row.Change(answers, clock.GetUtcNow().UtcDateTime);
        }
        catch (ArgumentException wrong)
        {
            return Result.Invalid(wrong.ParamName ?? "", "Choose one of the answers listed");
        }
        if (isNew)
            db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>Removes every answer: the row goes, not just its values.</summary>
    public async Task<Result> RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        await db.Set<EqualityAnswers>().Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return Result.Done();
    }
}
