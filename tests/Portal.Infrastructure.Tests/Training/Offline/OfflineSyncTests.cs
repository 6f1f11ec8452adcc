using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Training;
using Portal.Domain.Training.Offline;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Tests.Content;
using Portal.Infrastructure.Tests.Support;
using Portal.Infrastructure.Training.Offline;

namespace Portal.Infrastructure.Tests.Training.Offline;

/// <summary>
/// What a learner did offline, sent later: recorded as online, against a real database, once however
/// often and however concurrently the phone sends it.
/// </summary>
public abstract class OfflineSyncTests<TDatabase> : IClassFixture<TDatabase>, IDisposable
    where TDatabase : TestDatabase
{
    private const string Slug = "duty-of-care";

    private static readonly Dictionary<string, IReadOnlyCollection<string>> AllRight = new()
    {
        ["who"] = ["b"],
        ["when"] = ["a"],
        ["signs"] = ["a", "b"],
    };

    private static readonly Dictionary<string, IReadOnlyCollection<string>> AllWrong = new()
    {
        ["who"] = ["a"],
        ["when"] = ["b"],
        ["signs"] = ["c"],
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero));
    private readonly Queued _queued = new();
    private readonly TempContent _folder = new();
    private readonly ContentStore _content;
    private ModuleVersions _versions;
    private readonly OfflineOptions _options = new();
    private readonly TDatabase _database;

    protected OfflineSyncTests(TDatabase database)
    {
        _database = database;
        _folder.Module(Slug);
        _content = new ContentStore(_folder.Root, _time, NullLogger<ContentStore>.Instance);
        _content.Load();
        _versions = new ModuleVersions(_content, _time, Options.Create(_options));
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private LearningModule Module => _content.Current.Modules[Slug];

    public void Dispose()
    {
        _folder.Dispose();
        _queued.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<IReadOnlyList<OfflineAnswer>> SyncAsync(string userId, params OfflineItem[] items)
    {
        await using var db = _database.CreateContext();
        var result = await new OfflineSyncService(db, _content, _versions, _queued.Rematch(db), _time, Options.Create(_options)).SyncAsync(userId, items);
        Assert.True(result.IsDone, result.Problem?.Message);
        return result.Value!;
    }

    private async Task<string> NewUserAsync()
    {
        var id = Guid.NewGuid().ToString();
        await using var db = _database.CreateContext();
        db.Users.Add(new PortalUser { Id = id, UserName = $"{id}@test", Email = $"{id}@test", DisplayName = "Jodie Walsh", CreatedUtc = Now });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<List<Completion>> CompletionsAsync(string userId)
    {
        await using var db = _database.CreateContext();
        return await db.Set<Completion>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync();
    }

    /// <summary>Every lesson read offline, a minute apart, starting <paramref name="from"/>.</summary>
    private OfflineItem[] Lessons(DateTime from, string? version = null) =>
        [.. Module.Lessons.Select(l => new OfflineItem(Guid.NewGuid(), OfflineItemKind.Lesson, Slug, version ?? Module.Version, l.Number, from.AddMinutes(l.Number), null))];

    private OfflineItem Quiz(DateTime at, IReadOnlyDictionary<string, IReadOnlyCollection<string>>? answers = null, string? version = null) =>
        new(Guid.NewGuid(), OfflineItemKind.Quiz, Slug, version ?? Module.Version, 0, at, answers ?? AllRight);

    [Fact]
    public async Task LessonsAndAPassSentLaterRecordOneCompletionAtTheTimeTheyFinished()
    {
        var user = await NewUserAsync();
        var finished = Now.AddHours(-2);

        var answers = await SyncAsync(user, [.. Lessons(finished.AddMinutes(-10)), Quiz(finished)]);

        Assert.All(answers, a => Assert.Equal(OfflineOutcome.Recorded, a.Outcome));
        var completion = Assert.Single(await CompletionsAsync(user));
        Assert.Equal((finished, Module.Version, 1), (completion.CompletedAtUtc, completion.ContentVersion, completion.Round));
        Assert.Equal(completion.Id, answers[^1].CompletionId);
        Assert.Contains("You passed", answers[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFinishTimeInTheFutureIsRecordedAsWhenItArrived()
    {
        var user = await NewUserAsync();

        await SyncAsync(user, [.. Lessons(Now.AddMinutes(-10)), Quiz(Now.AddDays(3))]);

        Assert.Equal(Now, Assert.Single(await CompletionsAsync(user)).CompletedAtUtc);
    }

    [Fact]
    public async Task TheSameSubmissionSentTwiceCountsOnce()
    {
        var user = await NewUserAsync();
        OfflineItem[] items = [.. Lessons(Now.AddMinutes(-20)), Quiz(Now.AddMinutes(-5))];

        var first = await SyncAsync(user, items);
        _time.Advance(TimeSpan.FromMinutes(3));
        var again = await SyncAsync(user, items);

        var completion = Assert.Single(await CompletionsAsync(user));
        Assert.All(again, a => Assert.True(a.Repeat));
        Assert.Equal(first.Select(a => (a.Outcome, a.Message)), again.Select(a => (a.Outcome, a.Message)));
        Assert.Equal(completion.Id, again[^1].CompletionId);
    }

    [Fact]
    public async Task TwoSendsOfOneSubmissionAtTheSameMomentRecordOnce()
    {
        var user = await NewUserAsync();
        await SyncAsync(user, Lessons(Now.AddMinutes(-20)));
        var quiz = Quiz(Now.AddMinutes(-5));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SyncAsync(user, quiz))));

        var completion = Assert.Single(await CompletionsAsync(user));
        Assert.All(answers, a => Assert.Equal((OfflineOutcome.Recorded, completion.Id), (a[0].Outcome, a[0].CompletionId)));
        Assert.Single(answers, a => !a[0].Repeat);
    }

    [Fact]
    public async Task AQuizWithoutItsLessonsRecordsNothing()
    {
        var user = await NewUserAsync();

        var answer = Assert.Single(await SyncAsync(user, Quiz(Now)));

        Assert.Equal(OfflineOutcome.Refused, answer.Outcome);
        Assert.Contains("Read every lesson", answer.Message, StringComparison.Ordinal);
        Assert.Empty(await CompletionsAsync(user));
    }

    [Fact]
    public async Task ALessonOutOfOrderIsNotCounted()
    {
        var user = await NewUserAsync();
        var lessons = Lessons(Now.AddMinutes(-10));

        var answers = await SyncAsync(user, lessons[0], lessons[2], Quiz(Now));

        Assert.Equal([OfflineOutcome.Recorded, OfflineOutcome.Refused, OfflineOutcome.Refused], answers.Select(a => a.Outcome));
        Assert.Empty(await CompletionsAsync(user));
    }

    [Fact]
    public async Task AFailedQuizRecordsNothingAndSaysTheScore()
    {
        var user = await NewUserAsync();

        var answers = await SyncAsync(user, [.. Lessons(Now.AddMinutes(-10)), Quiz(Now, AllWrong)]);

        Assert.Equal(OfflineOutcome.NotPassed, answers[^1].Outcome);
        Assert.Contains("you got 0 out of 3", answers[^1].Message, StringComparison.Ordinal);
        Assert.Empty(await CompletionsAsync(user));
    }

    [Fact]
    public async Task AQuizOnTextChangedWhileOfflineCountsWithinTheWindow()
    {
        var user = await NewUserAsync();
        var taken = Module.Version;
        await ReleaseAChangedModuleAsync();
        _time.Advance(_options.OfflineVersionWindow - TimeSpan.FromMinutes(1));

        var answers = await SyncAsync(user, [.. Lessons(Now.AddMinutes(-30), taken), Quiz(Now.AddMinutes(-10), version: taken)]);

        Assert.All(answers, a => Assert.Equal(OfflineOutcome.Recorded, a.Outcome));
        Assert.Equal(taken, Assert.Single(await CompletionsAsync(user)).ContentVersion);
    }

    [Fact]
    public async Task AQuizOnTextChangedLongerAgoThanTheWindowIsAskedForAgainKindly()
    {
        var user = await NewUserAsync();
        var taken = Module.Version;
        await ReleaseAChangedModuleAsync();
        _time.Advance(_options.OfflineVersionWindow + TimeSpan.FromMinutes(1));

        var answers = await SyncAsync(user, [.. Lessons(Now.AddMinutes(-30), taken), Quiz(Now.AddMinutes(-10), version: taken)]);

        Assert.All(answers, a => Assert.Equal(OfflineOutcome.Retake, a.Outcome));
        Assert.Contains("updated while you were offline", answers[^1].Message, StringComparison.Ordinal);
        Assert.Empty(await CompletionsAsync(user));
    }

    [Fact]
    public async Task AKeySentFromAnotherAccountChangesNothingForIt()
    {
        var owner = await NewUserAsync();
        var other = await NewUserAsync();
        var lessons = Lessons(Now.AddMinutes(-10));
        await SyncAsync(owner, lessons);

        var answer = Assert.Single(await SyncAsync(other, lessons[0]));

        Assert.Equal(OfflineOutcome.Refused, answer.Outcome);
        await using var db = _database.CreateContext();
        Assert.False(await db.Set<ModuleProgress>().AnyAsync(p => p.UserId == other));
    }

    [Fact]
    public async Task ABatchWithAnItemWithoutAKeyIsRefusedWhole()
    {
        var user = await NewUserAsync();
        await using var db = _database.CreateContext();
        var service = new OfflineSyncService(db, _content, _versions, _queued.Rematch(db), _time, Options.Create(_options));

        var result = await service.SyncAsync(user, [Lessons(Now)[0], Lessons(Now)[1] with { Key = Guid.Empty }]);

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.False(await db.Set<ModuleProgress>().AnyAsync(p => p.UserId == user));
    }

    /// <summary>A release with the module edited: the text served before is noted, then the new one replaces it.</summary>
    private async Task ReleaseAChangedModuleAsync()
    {
        await RecordTextsAsync();
        _folder.Module(Slug, body: TempContent.ValidModuleBody.Replace("Text two.", "Text two, now with an example.", StringComparison.Ordinal));
        _content.Load();
        await RecordTextsAsync();
    }

    private async Task RecordTextsAsync()
    {
        await using var db = _database.CreateContext();
        await _versions.RecordAsync(db);
    }

    [Fact]
    public async Task AQuizOnTextARestartReplacedCountsOnTheNewProcessWithinTheWindow()
    {
        var user = await NewUserAsync();
        var taken = Module.Version;
        await ReleaseAChangedModuleAsync();
        // The new release is a new process: nothing of the old one's memory survives.
        _versions = new ModuleVersions(_content, _time, Options.Create(_options));
        await Task.WhenAll(RecordTextsAsync(), RecordTextsAsync());
        _time.Advance(TimeSpan.FromHours(3));

        var answers = await SyncAsync(user, [.. Lessons(Now.AddMinutes(-30), taken), Quiz(Now.AddMinutes(-10), version: taken)]);

        Assert.All(answers, a => Assert.Equal(OfflineOutcome.Recorded, a.Outcome));
        Assert.Equal(taken, Assert.Single(await CompletionsAsync(user)).ContentVersion);
    }
}

public sealed class SqliteOfflineSyncTests(SqliteTestDatabase database) : OfflineSyncTests<SqliteTestDatabase>(database);

public sealed class PostgresOfflineSyncTests(PostgresTestDatabase database) : OfflineSyncTests<PostgresTestDatabase>(database);
