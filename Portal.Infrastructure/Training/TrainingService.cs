using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Names;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Training;

/// <summary>
/// A learner's progress through modules and the completions they earn. Every method takes the
/// signed-in person's id and reads or writes only their rows.
/// </summary>
public sealed class TrainingService(PortalDbContext db, Rematch rematch, TimeProvider clock)
{
    // A person's own pages read these on every view: compiled once, so a view does not pay EF Core
    // to take the query apart, look it up and pull out its parameter each time (issue 25).
    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<Completion>> CompletionsOf =
        CompiledQueries.Rows((PortalDbContext db, string userId) => db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId));

    private static readonly Func<PortalDbContext, string, IAsyncEnumerable<ModuleProgress>> ProgressOf =
        CompiledQueries.Rows((PortalDbContext db, string userId) => db.Set<ModuleProgress>().AsNoTracking().Where(p => p.UserId == userId));

    public Task<ModuleProgress?> FindProgressAsync(string userId, string moduleSlug, CancellationToken cancellationToken = default) =>
        ProgressIn(db, userId, moduleSlug, cancellationToken);

    // The lesson page's one query.
    private static readonly Func<PortalDbContext, string, string, CancellationToken, Task<ModuleProgress?>> ProgressIn =
        CompiledQueries.One((PortalDbContext db, string userId, string moduleSlug, CancellationToken _) =>
            db.Set<ModuleProgress>().AsNoTracking().FirstOrDefault(p => p.UserId == userId && p.ModuleSlug == moduleSlug));

    /// <summary>
    /// Starts the module, resumes it, or starts a refresher after a pass. Returns the lesson to show
    /// next; one past the last lesson means the quiz.
    /// </summary>
    public async Task<Result<int>> StartAsync(string userId, LearningModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var now = clock.GetUtcNow().UtcDateTime;
        var (progress, started) = await FindOrStartAsync(userId, module, now, cancellationToken);
        if (!started)
        {
            if (progress.InProgress)
                return Result.Done(Math.Min(progress.Lesson, module.Lessons.Count + 1));
            progress.StartRefresher(module.Version, now);
        }
        await SaveUnlessAnotherTabWonAsync(cancellationToken);
        return Result.Done(1);
    }

    /// <summary>
    /// Moves the bookmark past a lesson the learner has read and returns the lesson to show next.
    /// Reading a module already passed moves nothing: reading again is not starting a refresher.
    /// </summary>
    public async Task<Result<int>> FinishLessonAsync(string userId, LearningModule module, int lesson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentOutOfRangeException.ThrowIfLessThan(lesson, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lesson, module.Lessons.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        var (progress, started) = await FindOrStartAsync(userId, module, now, cancellationToken);
        if (!started && !progress.InProgress)
            return Result.Done(lesson + 1);
        if (!progress.HasReached(lesson))
            return Result.Invalid("", $"You have not reached lesson {lesson} yet. The lessons go in order: carry on from lesson {progress.Lesson}. Nothing has been recorded.");
        progress.FinishLesson(lesson, module.Lessons.Count, now);
        await SaveUnlessAnotherTabWonAsync(cancellationToken);
        return Result.Done(lesson + 1);
    }

    /// <summary>The learner's progress on the module, tracked; a first round, added, when there is none yet.</summary>
    private async Task<(ModuleProgress Progress, bool Started)> FindOrStartAsync(string userId, LearningModule module, DateTime now, CancellationToken cancellationToken)
    {
        if (await TrackedProgressAsync(userId, module.Slug, cancellationToken) is { } progress)
            return (progress, false);
        progress = ModuleProgress.Start(userId, module.Slug, module.Version, now);
        db.Add(progress);
        return (progress, true);
    }

    /// <summary>
    /// Saves the bookmark. Starting a module or finishing its first lesson in two tabs at once makes
    /// two inserts of the same row: the other tab's stands, and it is as good as ours.
    /// </summary>
    private async Task SaveUnlessAnotherTabWonAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The learner's progress, after making sure a round in progress is on the module's current text:
    /// when the text has changed, the round starts again from lesson 1 (nothing is recorded) and
    /// <see cref="CurrentProgress.StartedOver"/> says so. One query when nothing has changed.
    /// </summary>
    public async Task<CurrentProgress> GetCurrentProgressAsync(string userId, LearningModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var progress = await TrackedProgressAsync(userId, module.Slug, cancellationToken);
        if (progress is not { InProgress: true } || progress.ContentVersion == module.Version)
            return new CurrentProgress(progress, StartedOver: false);
        progress.StartOverOnNewVersion(module.Version, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new CurrentProgress(progress, StartedOver: true);
    }

    /// <summary>
    /// Marks a quiz on the server against the version the learner started, and records a completion
    /// on a pass. A form from another round or another version, or answers that are not the quiz's
    /// own, record nothing. Submitting a pass twice (double click, two tabs) records it once.
    /// </summary>
    /// <param name="formVersion">The module version the quiz form was drawn from.</param>
    /// <param name="formRound">The progress round the quiz form was drawn for.</param>
    public async Task<QuizSubmission> SubmitQuizAsync(
        string userId,
        LearningModule module,
        string formVersion,
        int formRound,
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> answers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        var progress = await TrackedProgressAsync(userId, module.Slug, cancellationToken);
        if (progress is null)
            return new QuizSubmission.NotStarted();
        if (progress.Round != formRound || !progress.InProgress)
        {
            return await FindCompletionAsync(userId, module.Slug, formRound, cancellationToken) is { } done
                ? new QuizSubmission.AlreadyPassed(done)
                : new QuizSubmission.Marked(new QuizOutcome.Rejected("This quiz page is out of date: you have started the module again since you opened it. Open the quiz again to answer it."));
        }
        if (progress.ContentVersion != module.Version)
        {
            progress.StartOverOnNewVersion(module.Version, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new QuizSubmission.ModuleChanged();
        }
        // The round is on the current text but the form is not: drawn before a change that has
        // already sent them back to lesson 1, or edited by hand. Nothing about the module changed now.
        if (formVersion != module.Version)
            return new QuizSubmission.OutOfDate();
        if (!progress.HasReadEveryLesson(module.Lessons.Count))
            return new QuizSubmission.LessonsUnread(progress.Lesson, module.Lessons.Count);

        var outcome = module.Quiz.Score(answers);
        if (outcome is not QuizOutcome.Scored { Passed: true } pass)
            return new QuizSubmission.Marked(outcome);

        var now = clock.GetUtcNow().UtcDateTime;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var completion = Completion.Record(progress, pass, NewVerificationCode(), now, name);
        progress.MarkPassed(now);
        db.Add(completion);
        // A plan step for this module, if their navigator set one, is done with the pass.
        await Navigation.PlanLinks.ModulePassedAsync(db, userId, module.Slug, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // Training held counts towards their matches.
            rematch.PersonChanged(progress.UserId);
            return new QuizSubmission.Passed(completion, pass);
        }
        catch (DbUpdateException)
        {
            // The same round passed in another request a moment ago: its row stands, ours is dropped.
            db.ChangeTracker.Clear();
            if (await FindCompletionAsync(userId, module.Slug, completion.Round, cancellationToken) is { } winner)
                return new QuizSubmission.AlreadyPassed(winner);
            throw;
        }
    }

    /// <summary>
    /// Every module in the content, plus any withdrawn module the learner holds, with its status today
    /// under the intervals that apply to them (their employers' where shorter: see <see cref="RefreshPolicy.ForPerson"/>).
    /// </summary>
    public Task<IReadOnlyList<RecordEntry>> GetRecordAsync(string userId, ContentSet content, CancellationToken cancellationToken = default) =>
        GetRecordAsync(userId, content, null, cancellationToken);

    /// <summary>The same, judged by intervals the caller has already read (from the employers' rules it read anyway).</summary>
    internal async Task<IReadOnlyList<RecordEntry>> GetRecordAsync(string userId, ContentSet content, RefreshPolicy? policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var completions = await CompletionsOf(db, userId).ToListAsync(cancellationToken);
        var progress = await ProgressOf(db, userId).ToDictionaryAsync(p => p.ModuleSlug, StringComparer.Ordinal, cancellationToken);
        policy ??= await RefreshPolicies.ForPersonAsync(db, content, userId, cancellationToken);
        var history = completions.ToLookup(c => c.ModuleSlug, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;

        var slugs = content.Modules.Keys.Union(history.Select(h => h.Key), StringComparer.Ordinal);
        return slugs.Select(slug =>
        {
            content.Modules.TryGetValue(slug, out var module);
            var latest = history[slug].MaxBy(c => c.CompletedAtUtc);
            progress.TryGetValue(slug, out var current);
            var inProgress = current is { InProgress: true };
            var months = policy.MonthsFor(slug);
            return new RecordEntry(
                slug,
                module?.Title ?? slug,
                module,
                TrainingExpiry.Status(latest?.CompletedAtUtc, months, inProgress, now),
                latest,
                latest?.ExpiresAtUtc(months),
                inProgress ? current!.Lesson : null,
                history[slug].Count());
        })
        .OrderBy(e => e.Module is null)
        .ThenBy(e => e.Title, StringComparer.CurrentCulture)
        .ToList();
    }

    /// <summary>What the learner holds for a route plan: training that is valid today (expiring soon still counts).</summary>
    public async Task<Portal.Domain.Pathways.LearnerHoldings> HoldingsAsync(string userId, ContentSet content, CancellationToken cancellationToken = default) =>
        Holdings(await GetRecordAsync(userId, content, cancellationToken));

    /// <summary>The same, from a record already read.</summary>
    public static Portal.Domain.Pathways.LearnerHoldings Holdings(IEnumerable<RecordEntry> record) => new()
    {
        CompletedModules = [.. record.Where(e => TrainingExpiry.CountsAsHeld(e.Status)).Select(e => e.ModuleSlug)],
    };

    /// <summary>
    /// For several people at once (a vacancy's applicants), which of <paramref name="modules"/> (the
    /// vacancy's required training) each holds valid today, under their employers' intervals: one
    /// query for the completions, however many people, reading only those modules' (a busy
    /// vacancy's applicants have some 800 completions, of which its three modules are about 50).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> ValidModulesAsync(IReadOnlyCollection<string> userIds, IReadOnlyCollection<string> modules, ContentSet content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(content);
        if (userIds.Count == 0 || modules.Count == 0)
            return userIds.ToDictionary(id => id, _ => (IReadOnlySet<string>)new HashSet<string>(), StringComparer.Ordinal);
        var latest = await db.Set<Completion>().AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && modules.Contains(c.ModuleSlug))
            .LatestPerModule()
            .ToListAsync(cancellationToken);
        var policies = await RefreshPolicies.ForPeopleAsync(db, content, userIds, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var held = latest
            .Where(l => TrainingExpiry.CountsAsHeld(TrainingExpiry.Status(l.CompletedAtUtc, policies[l.UserId].MonthsFor(l.ModuleSlug), inProgress: false, now)))
            .ToLookup(l => l.UserId, l => l.ModuleSlug, StringComparer.Ordinal);
        return userIds.ToDictionary(id => id, id => (IReadOnlySet<string>)held[id].ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The learner's own completion, or null when it is not theirs or does not exist.</summary>
    public Task<Certificate?> GetCertificateAsync(string userId, long completionId, ContentSet content, CancellationToken cancellationToken = default) =>
        CertificateAsync(db.Set<Completion>().Where(c => c.Id == completionId && c.UserId == userId), content, cancellationToken);

    /// <summary>The completion behind a verification code, for anyone who holds the code.</summary>
    public Task<Certificate?> VerifyAsync(string code, ContentSet content, CancellationToken cancellationToken = default)
    {
        var normalised = NormaliseCode(code);
        return normalised is null
            ? Task.FromResult<Certificate?>(null)
            : CertificateAsync(db.Set<Completion>().Where(c => c.VerificationCode == normalised), content, cancellationToken);
    }

    /// <summary>Codes are shown in groups of four for reading aloud; any case, spaces and hyphens are accepted back.</summary>
    public static string? NormaliseCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
            return null;
        var compact = new string([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
        return compact.Length == CodeLength && compact.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? compact : null;
    }

    public static string FormatCode(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));

    // 24 characters of a 32-letter alphabet: 120 random bits, far beyond guessing, and no 0/o or 1/l to misread.
    private const string CodeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int CodeLength = 24;

    internal static string NewVerificationCode() =>
        string.Create(CodeLength, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    /// <summary>
    /// Names the learner's certificates that were issued without a name (the account had none then),
    /// and the account if it has none. A certificate that has a name keeps it: it was fixed at issue.
    /// </summary>
    public async Task<Result> NameCertificatesAsync(string userId, long completionId, string name, CancellationToken cancellationToken = default)
    {
        var completion = await db.Set<Completion>().FirstOrDefaultAsync(c => c.Id == completionId && c.UserId == userId, cancellationToken);
        if (completion is null)
            return Result.NotFound();
        if (completion.CertificateName is not null)
            return Result.Invalid("", "The name on this certificate was fixed when it was issued and cannot be changed");
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Result.Invalid("Name", "Enter your full name");
        if (trimmed.Length > Completion.MaxCertificateNameLength)
            return Result.Invalid("Name", $"Your name can be at most {Completion.MaxCertificateNameLength} characters");
        if (ShownNames.Problem(trimmed, "Your name") is { } problem)
            return Result.Invalid("Name", problem);
        foreach (var unnamed in await db.Set<Completion>().Where(c => c.UserId == userId && c.CertificateName == null).ToListAsync(cancellationToken))
            unnamed.NameCertificate(trimmed);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (string.IsNullOrWhiteSpace(user.DisplayName))
            user.DisplayName = trimmed;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    private async Task<Certificate?> CertificateAsync(IQueryable<Completion> completions, ContentSet content, CancellationToken cancellationToken)
    {
        var completion = await completions.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (completion is null)
            return null;
        content.Modules.TryGetValue(completion.ModuleSlug, out var module);
        // The holder's intervals, whoever is looking: a certificate says the same to a new employer as to them.
        var months = (await RefreshPolicies.ForPersonAsync(db, content, completion.UserId, cancellationToken)).MonthsFor(completion.ModuleSlug);
        var latestRound = await db.Set<Completion>()
            .Where(c => c.UserId == completion.UserId && c.ModuleSlug == completion.ModuleSlug)
            .MaxAsync(c => c.Round, cancellationToken);
        return new Certificate(
            completion,
            completion.CertificateName,
            module?.Title ?? completion.ModuleSlug,
            completion.ExpiresAtUtc(months),
            TrainingExpiry.Status(completion.CompletedAtUtc, months, inProgress: false, clock.GetUtcNow().UtcDateTime),
            Superseded: latestRound > completion.Round);
    }

    private Task<ModuleProgress?> TrackedProgressAsync(string userId, string moduleSlug, CancellationToken cancellationToken) =>
        db.Set<ModuleProgress>().FirstOrDefaultAsync(p => p.UserId == userId && p.ModuleSlug == moduleSlug, cancellationToken);

    private Task<Completion?> FindCompletionAsync(string userId, string moduleSlug, int round, CancellationToken cancellationToken) =>
        db.Set<Completion>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.UserId == userId && c.ModuleSlug == moduleSlug && c.Round == round, cancellationToken);
}
