using Microsoft.EntityFrameworkCore;
using Portal.Domain.Navigation;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Navigation;

/// <summary>
/// The person's side of navigation: asking a hub for help, their plan and notes, what they share
/// about their circumstances, and taking their consent back. Everything is found from their own id.
/// </summary>
public sealed class HelpService(PortalDbContext db, CaseReader reader, TimeProvider clock)
{
    /// <summary>A request as the person makes it.</summary>
    /// <param name="Hub">The organisation they ask; may be left out when only one hub takes requests.</param>
    public sealed record Ask(Guid? Hub, string? HelpWith, ContactPreference ContactBy, string? Phone, string? ContactTimes, bool Consent);

    /// <param name="Navigator">Who is helping them, by name; null while the request waits for someone.</param>
    public sealed record MyCase(
        Guid Id, string HubName, string? Navigator, CaseStage Stage, string HelpWith, DateTime AskedAtUtc,
        IReadOnlyList<StepView> Steps, IReadOnlyList<NoteView> Notes);

    /// <summary>Organisations that take requests: those with at least one navigator.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HubsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Organisation>().AsNoTracking()
            .Where(o => db.Set<Membership>().Any(m => m.OrganisationId == o.Id && m.Role == MembershipRole.Navigator && m.EndedAtUtc == null))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    private IQueryable<NavigationCase> Mine(string userId) =>
        db.Set<NavigationCase>().Where(c => c.UserId == userId && c.Stage != CaseStage.Closed);

    /// <summary>Asks a hub for help. Without consent nothing is kept; someone with an open case is pointed to it.</summary>
    public async Task<Result<Guid>> AskAsync(string userId, Ask ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (NavigationCase.Problem(ask.HelpWith, ask.ContactBy, ask.Phone, ask.ContactTimes) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        if (!ask.Consent)
            return Result.Invalid("Consent", "Tick the box to agree to the hub keeping your record, or we cannot pass your request on");
        var hubs = await HubsAsync(cancellationToken);
        var hub = ask.Hub is { } chosen ? hubs.FirstOrDefault(h => h.Id == chosen) : hubs.Count == 1 ? hubs[0] : default;
        if (hub.Id == Guid.Empty)
            return Result.Invalid("Hub", hubs.Count == 0 ? "No hub is taking requests at the moment. Please try again later" : "Choose who you would like help from");
        if (await Mine(userId).AnyAsync(cancellationToken))
            return Result.Invalid("", AlreadyAsked);
        var opened = NavigationCase.Start(hub.Id, userId, ask.Consent, ask.HelpWith!, ask.ContactBy, ask.Phone, ask.ContactTimes, clock.GetUtcNow().UtcDateTime);
        db.Add(opened);
        if (!await OpenedOnceAsync(db, opened, userId, cancellationToken))
            return Result.Invalid("", AlreadyAsked);
        return Result.Done(opened.Id);
    }

    internal const string AlreadyAsked = "You have already asked for help: your plan is on your home page";

    /// <summary>
    /// Saves a newly opened case. The database holds one open case per person (a filtered unique
    /// index), so when another request opened theirs in the same instant this one is dropped and
    /// answers false, never a second case.
    /// </summary>
    internal static async Task<bool> OpenedOnceAsync(PortalDbContext db, NavigationCase opened, string userId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(opened).State = EntityState.Detached;
            if (!await db.Set<NavigationCase>().AsNoTracking().AnyAsync(c => c.UserId == userId && c.Id != opened.Id && c.Stage != CaseStage.Closed, cancellationToken))
                throw;
            return false;
        }
    }

    /// <summary>Their open case with its plan and notes, or null when they have none.</summary>
    public async Task<MyCase?> MineAsync(string userId, CancellationToken cancellationToken = default)
    {
        var row = await OpenCaseOf(db, userId, cancellationToken);
        if (row is null)
            return null;
        var navigator = row.Case.NavigatorId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == row.Case.NavigatorId).Select(u => PortalUser.ShownName(u.DisplayName, u.Email)).FirstOrDefaultAsync(cancellationToken);
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        return new MyCase(row.Case.Id, row.Name, navigator, row.Case.Stage, row.Case.HelpWith, row.Case.OpenedAtUtc,
            await reader.StepsAsync(row.Case.Id, today, cancellationToken), await reader.NotesAsync(row.Case.Id, cancellationToken));
    }

    private sealed record CaseRow(NavigationCase Case, string Name);

    // Looked for on the person's home page at every view, and nearly always not there: compiled once (issue 25).
    private static readonly Func<PortalDbContext, string, CancellationToken, Task<CaseRow?>> OpenCaseOf = CompiledQueries.One((PortalDbContext db, string userId, CancellationToken _) =>
        db.Set<NavigationCase>().AsNoTracking().Where(c => c.UserId == userId && c.Stage != CaseStage.Closed)
            .Join(db.Set<Organisation>(), c => c.OrganisationId, o => o.Id, (c, o) => new { c, o.Name })
            .OrderByDescending(r => r.c.OpenedAtUtc).Select(r => new CaseRow(r.c, r.Name)).FirstOrDefault());

    /// <summary>The person ticks one of their own steps done.</summary>
    public async Task<Result> CompleteMyStepAsync(string userId, long stepId, CancellationToken cancellationToken = default)
    {
        var mine = Mine(userId).Select(c => c.Id);
        if (await db.Set<PlanStep>().FirstOrDefaultAsync(s => s.Id == stepId && mine.Contains(s.CaseId), cancellationToken) is not { } step)
            return Result.NotFound();
        if (step.IsDone)
            return Result.Done();
        if (step.CompletesItself)
            return Result.Invalid("", "This step ticks itself when you do it on the portal");
        if (step.Owner != StepOwner.Person)
            return Result.Invalid("", "This step is your navigator's to do");
        step.Complete(StepDoneBy.Person, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    public Task<Circumstances?> CircumstancesAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<Circumstances>().AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);

    /// <summary>Saves what they choose to share; sharing nothing removes what was shared before.</summary>
    public async Task<Result> ShareCircumstancesAsync(string userId, IReadOnlyCollection<BarrierKind> barriers, string? details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(barriers);
        if (details?.Trim().Length > Circumstances.MaxDetailsLength)
            return Result.Invalid("Details", $"Keep it to {Circumstances.MaxDetailsLength} characters");
        if (!await Mine(userId).AnyAsync(cancellationToken))
            return Result.Invalid("", "Ask for help first: what you share here is for your navigator");
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await db.Set<Circumstances>().FirstOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (saved is null)
            db.Add(saved = Circumstances.For(userId, now));
        saved.Share(barriers, details, now);
        if (saved.IsEmpty)
            db.Remove(saved);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>
    /// Takes consent back: every case of theirs closes at once and no navigator sees it again; what
    /// they shared goes now, and the rest by the next retention run.
    /// </summary>
    public async Task<Result> WithdrawAsync(string userId, CancellationToken cancellationToken = default)
    {
        var cases = await db.Set<NavigationCase>().Where(c => c.UserId == userId && c.ClosedBecause != CaseClosure.ConsentWithdrawn).ToListAsync(cancellationToken);
        if (cases.Count == 0)
            return Result.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var found in cases)
            found.WithdrawConsent(now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Circumstances>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Done();
    }
}
