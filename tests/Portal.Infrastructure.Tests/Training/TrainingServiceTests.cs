using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Tests.Content;
using Portal.Infrastructure.Tests.Support;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Tests.Training;

/// <summary>Progress, quiz marking and completions against a real database: resumable, tamper-proof, recorded once.</summary>
public abstract class TrainingServiceTests<TDatabase> : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private static readonly Dictionary<string, IReadOnlyCollection<string>> AllRight = new()
    {
        ["who"] = ["b"],
        ["when"] = ["a"],
        ["signs"] = ["a", "b"],
    };

    private static readonly Dictionary<string, IReadOnlyCollection<string>> OneRight = new()
    {
        ["who"] = ["a"],
        ["when"] = ["b"],
        ["signs"] = ["a", "b"],
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Queued _queued = new();
    private readonly TempContent _folder = new();
    private readonly ContentSet _content;
    private readonly LearningModule _module;

    private readonly TDatabase _database;

    protected TrainingServiceTests(TDatabase database)
    {
        this._database = database;
        _content = _folder.Module("duty-of-care").Load();
        _module = _content.Modules["duty-of-care"];
    }

    public void Dispose()
    {
        _folder.Dispose();
        _queued.Dispose();
        GC.SuppressFinalize(this);
    }

    private TrainingService Service(out Portal.Infrastructure.Data.PortalDbContext db)
    {
        db = _database.CreateContext();
        return new TrainingService(db, _queued.Rematch(db), _time);
    }

    private async Task<string> NewUserAsync(string name = "Amina Yusuf")
    {
        var id = Guid.NewGuid().ToString();
        await using var db = _database.CreateContext();
        db.Users.Add(new PortalUser { Id = id, UserName = $"{id}@test", Email = $"{id}@test", DisplayName = name, CreatedUtc = _time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<int> CompletionCountAsync(string userId)
    {
        await using var db = _database.CreateContext();
        return await db.Set<Completion>().CountAsync(c => c.UserId == userId);
    }

    private async Task<QuizSubmission> SubmitAsync(string userId, IReadOnlyDictionary<string, IReadOnlyCollection<string>> answers, LearningModule? module = null, string? formVersion = null, int round = 1)
    {
        var service = Service(out var db);
        await using (db)
            return await service.SubmitQuizAsync(userId, module ?? _module, formVersion ?? (module ?? _module).Version, round, answers);
    }

    private async Task ReadAllLessonsAsync(string userId, LearningModule? module = null)
    {
        module ??= _module;
        var service = Service(out var db);
        await using (db)
        {
            await service.StartAsync(userId, module);
            foreach (var lesson in module.Lessons)
                await service.FinishLessonAsync(userId, module, lesson.Number);
        }
    }

    [Fact]
    public async Task ProgressIsKeptPerLessonAndResumedFromAnotherSession()
    {
        var user = await NewUserAsync();
        var first = Service(out var db1);
        await using (db1)
        {
            Assert.Equal(1, (await first.StartAsync(user, _module)).Value);
            Assert.Equal(2, (await first.FinishLessonAsync(user, _module, 1)).Value);
            Assert.Equal(3, (await first.FinishLessonAsync(user, _module, 2)).Value);
        }

        // Another phone: a new context, nothing shared but the database.
        var second = Service(out var db2);
        await using (db2)
            Assert.Equal(3, (await second.StartAsync(user, _module)).Value);
    }

    [Fact]
    public async Task APassIsRecordedWithScoreVersionAndACode()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);

        var passed = Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(user, AllRight));

        await using var db = _database.CreateContext();
        var stored = await db.Set<Completion>().SingleAsync(c => c.UserId == user);
        Assert.Equal((3, 3, _module.Version, 1), (stored.Score, stored.OutOf, stored.ContentVersion, stored.Round));
        Assert.Equal(passed.Completion.VerificationCode, stored.VerificationCode);
        Assert.Equal(24, stored.VerificationCode.Length);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, stored.CompletedAtUtc);
        // Training held counts towards matches: the pass asks for the person to be rematched.
        Assert.Contains($"PersonMatchJob.RunAsync({user})", _queued.Jobs());
    }

    [Fact]
    public async Task AFailRecordsNothingAndARetryCanPass()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);

        var failed = Assert.IsType<QuizSubmission.Marked>(await SubmitAsync(user, OneRight));
        Assert.False(Assert.IsType<QuizOutcome.Scored>(failed.Outcome).Passed);
        Assert.Equal(0, await CompletionCountAsync(user));

        Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(user, AllRight));
        Assert.Equal(1, await CompletionCountAsync(user));
    }

    [Fact]
    public async Task TamperedAnswersRecordNothing()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);
        var tampered = new Dictionary<string, IReadOnlyCollection<string>>(AllRight) { ["who"] = ["c"] };

        var result = Assert.IsType<QuizSubmission.Marked>(await SubmitAsync(user, tampered));

        Assert.IsType<QuizOutcome.Rejected>(result.Outcome);
        Assert.Equal(0, await CompletionCountAsync(user));
    }

    [Fact]
    public async Task AQuizSentWithoutStartingRecordsNothing()
    {
        var user = await NewUserAsync();

        Assert.IsType<QuizSubmission.NotStarted>(await SubmitAsync(user, AllRight));
        Assert.Equal(0, await CompletionCountAsync(user));
    }

    [Fact]
    public async Task AModuleChangedSinceStartRecordsNothingAndStartsTheRoundAgain()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);
        var changed = _folder.Module("duty-of-care", body: TempContent.ValidModuleBody + "\nA new paragraph.\n").Load().Modules["duty-of-care"];

        Assert.IsType<QuizSubmission.ModuleChanged>(await SubmitAsync(user, AllRight, changed, formVersion: _module.Version));

        Assert.Equal(0, await CompletionCountAsync(user));
        var service = Service(out var db);
        await using (db)
        {
            var progress = await service.FindProgressAsync(user, "duty-of-care");
            Assert.Equal((1, changed.Version), (progress!.Lesson, progress.ContentVersion));
        }
    }

    [Fact]
    public async Task AQuizFormDrawnFromAnotherVersionIsRefusedWithoutSayingTheModuleChanged()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);

        Assert.IsType<QuizSubmission.OutOfDate>(await SubmitAsync(user, AllRight, formVersion: "0123456789abcdef"));
        Assert.Equal(0, await CompletionCountAsync(user));
        // The module did not change, so their place stays where it was.
        var service = Service(out var db);
        await using (db)
            Assert.Equal(_module.Lessons.Count + 1, (await service.FindProgressAsync(user, "duty-of-care"))!.Lesson);
    }

    [Fact]
    public async Task AQuizSentBeforeEveryLessonIsReadRecordsNothing()
    {
        var user = await NewUserAsync();
        var service = Service(out var db);
        await using (db)
            await service.StartAsync(user, _module);

        var unread = Assert.IsType<QuizSubmission.LessonsUnread>(await SubmitAsync(user, AllRight));

        Assert.Equal((1, _module.Lessons.Count), (unread.Lesson, unread.LessonCount));
        Assert.Equal(0, await CompletionCountAsync(user));
    }

    [Fact]
    public async Task ALessonFinishedOutOfOrderIsRefusedAndMovesNothing()
    {
        var user = await NewUserAsync();
        var service = Service(out var db);
        await using (db)
        {
            await service.StartAsync(user, _module);

            var skipped = await service.FinishLessonAsync(user, _module, _module.Lessons.Count);

            Assert.Equal(Outcome.Invalid, skipped.Outcome);
            Assert.Contains("carry on from lesson 1", skipped.Problem!.Message, StringComparison.Ordinal);
        }
        var again = Service(out var db2);
        await using (db2)
            Assert.Equal(1, (await again.FindProgressAsync(user, "duty-of-care"))!.Lesson);
        Assert.IsType<QuizSubmission.LessonsUnread>(await SubmitAsync(user, AllRight));
    }

    [Fact]
    public async Task TwoSubmitsAtTheSameMomentRecordOnce()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SubmitAsync(user, AllRight))));

        Assert.Equal(1, await CompletionCountAsync(user));
        Assert.Single(results, r => r is QuizSubmission.Passed);
        var codes = results.Select(r => r switch
        {
            QuizSubmission.Passed p => p.Completion.VerificationCode,
            QuizSubmission.AlreadyPassed a => a.Completion.VerificationCode,
            _ => throw new Xunit.Sdk.XunitException($"unexpected {r}"),
        });
        Assert.Single(codes.Distinct());
    }

    [Fact]
    public async Task ARefresherAddsARowAndKeepsTheFirst()
    {
        var user = await NewUserAsync();
        await ReadAllLessonsAsync(user);
        var first = Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(user, AllRight)).Completion;

        _time.Advance(TimeSpan.FromDays(400));
        await ReadAllLessonsAsync(user);
        // The old round's form, sent again, is not a second pass of the new round.
        Assert.IsType<QuizSubmission.AlreadyPassed>(await SubmitAsync(user, AllRight, round: 1));
        var second = Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(user, AllRight, round: 2)).Completion;

        await using var db = _database.CreateContext();
        var rows = await db.Set<Completion>().Where(c => c.UserId == user).OrderBy(c => c.Round).ToListAsync();
        Assert.Equal([first.CompletedAtUtc, second.CompletedAtUtc], rows.Select(r => r.CompletedAtUtc));
        Assert.Equal([1, 2], rows.Select(r => r.Round));

        var service = new TrainingService(db, _queued.Rematch(db), _time);
        var old = await service.GetCertificateAsync(user, first.Id, _content);
        Assert.True(old!.Superseded);
        var record = await service.GetRecordAsync(user, _content);
        var entry = Assert.Single(record, e => e.ModuleSlug == "duty-of-care");
        Assert.Equal((second.Id, 2, TrainingStatus.Valid), (entry.Latest!.Id, entry.Completions, entry.Status));
    }

    [Fact]
    public async Task TheRecordShowsEachStatusAsTimePasses()
    {
        var user = await NewUserAsync();
        var service = Service(out var db);
        await using (db)
        {
            Assert.Equal(TrainingStatus.NotStarted, (await service.GetRecordAsync(user, _content)).Single().Status);
            await service.StartAsync(user, _module);
            var inProgress = (await service.GetRecordAsync(user, _content)).Single();
            Assert.Equal((TrainingStatus.InProgress, 1), (inProgress.Status, inProgress.NextLesson));
        }

        await ReadAllLessonsAsync(user);
        var completed = Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(user, AllRight)).Completion;

        service = Service(out db);
        await using (db)
        {
            var valid = (await service.GetRecordAsync(user, _content)).Single();
            Assert.Equal((TrainingStatus.Valid, completed.CompletedAtUtc.AddMonths(36)), (valid.Status, valid.ExpiresAtUtc));
            _time.SetUtcNow(new DateTimeOffset(completed.CompletedAtUtc.AddMonths(36).AddDays(-10), TimeSpan.Zero));
            Assert.Equal(TrainingStatus.ExpiringSoon, (await service.GetRecordAsync(user, _content)).Single().Status);
            _time.SetUtcNow(new DateTimeOffset(completed.CompletedAtUtc.AddMonths(36).AddDays(1), TimeSpan.Zero));
            Assert.Equal(TrainingStatus.Expired, (await service.GetRecordAsync(user, _content)).Single().Status);
        }
    }

    [Fact]
    public async Task CertificatesAreOnlyTheirOwnersAndCodesVerifyForAnyone()
    {
        var owner = await NewUserAsync("Grace Mensah");
        var other = await NewUserAsync();
        await ReadAllLessonsAsync(owner);
        var completion = Assert.IsType<QuizSubmission.Passed>(await SubmitAsync(owner, AllRight)).Completion;

        var service = Service(out var db);
        await using (db)
        {
            Assert.NotNull(await service.GetCertificateAsync(owner, completion.Id, _content));
            Assert.Null(await service.GetCertificateAsync(other, completion.Id, _content));

            var shown = TrainingService.FormatCode(completion.VerificationCode).ToUpperInvariant();
            var verified = await service.VerifyAsync(shown, _content);
            Assert.Equal(("Grace Mensah", "Duty of care", TrainingStatus.Valid), (verified!.Name, verified.ModuleTitle, verified.Status));

            Assert.Null(await service.VerifyAsync(completion.VerificationCode[..^1] + (completion.VerificationCode[^1] == 'a' ? 'b' : 'a'), _content));
            Assert.Null(await service.VerifyAsync("not a code", _content));
        }
    }
}

public sealed class SqliteTrainingServiceTests(SqliteTestDatabase database) : TrainingServiceTests<SqliteTestDatabase>(database);

public sealed class PostgresTrainingServiceTests(PostgresTestDatabase database) : TrainingServiceTests<PostgresTestDatabase>(database);
