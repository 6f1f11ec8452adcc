namespace Portal.Domain.Training;

/// <summary>
/// Where one person is in one module: which lesson to show next, and which version of the module they
/// started. Kept on the server so "continue where I left off" works from any phone. One row per person
/// and module, reused for each refresher round; the history lives in <see cref="Completion"/> rows.
/// </summary>
public sealed class ModuleProgress
{
    public const int MaxSlugLength = 80;
    public const int MaxVersionLength = 64;

    private ModuleProgress()
    {
    }

    public string UserId { get; private set; } = "";
    public string ModuleSlug { get; private set; } = "";

    /// <summary>1 for the first time through, 2 for the first refresher, and so on; a completion is unique per round.</summary>
    public int Round { get; private set; }

    /// <summary>The module version this round started on; the quiz is marked against it.</summary>
    public string ContentVersion { get; private set; } = "";

    /// <summary>The furthest lesson reached, from 1; one past the last lesson means the quiz is next.</summary>
    public int Lesson { get; private set; }

    public DateTime StartedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>When this round's quiz was passed; null while the round is in progress.</summary>
    public DateTime? PassedAtUtc { get; private set; }

    public bool InProgress => PassedAtUtc is null;

    public static ModuleProgress Start(string userId, string moduleSlug, string contentVersion, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(moduleSlug);
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        return new ModuleProgress
        {
            UserId = userId,
            ModuleSlug = moduleSlug,
            Round = 1,
            ContentVersion = contentVersion,
            Lesson = 1,
            StartedAtUtc = utcNow,
            UpdatedAtUtc = utcNow,
        };
    }

    /// <summary>
    /// Whether the learner has got as far as the lesson in this round: lessons are read in order, so
    /// a lesson further on has not been opened yet and cannot be finished.
    /// </summary>
    public bool HasReached(int lesson) => lesson >= 1 && lesson <= Lesson;

    /// <summary>Whether every lesson of this round has been read, so its quiz may count.</summary>
    public bool HasReadEveryLesson(int lessonCount) => Lesson > lessonCount;

    /// <summary>
    /// Records that lesson <paramref name="finished"/> was read. Going back over an earlier lesson never
    /// moves the bookmark backwards; a lesson not reached yet cannot be finished, so the quiz is only
    /// reached through every lesson.
    /// </summary>
    public void FinishLesson(int finished, int lessonCount, DateTime utcNow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(finished, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(finished, lessonCount);
        if (!InProgress)
            throw new InvalidOperationException("This round is finished; start a new one first.");
        if (!HasReached(finished))
            throw new InvalidOperationException($"Lesson {finished} has not been reached: the learner is on lesson {Lesson}.");
        Lesson = Math.Max(Lesson, finished + 1);
        UpdatedAtUtc = utcNow;
    }

    /// <summary>A refresher after a pass: a new round from lesson 1 on the current version.</summary>
    public void StartRefresher(string contentVersion, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        if (InProgress)
            throw new InvalidOperationException("This round is still in progress.");
        Round++;
        Restart(contentVersion, utcNow);
        PassedAtUtc = null;
    }

    /// <summary>The module changed under a round in progress: the same round, from lesson 1, on the new text.</summary>
    public void StartOverOnNewVersion(string contentVersion, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        if (!InProgress)
            throw new InvalidOperationException("This round is finished; start a refresher instead.");
        Restart(contentVersion, utcNow);
    }

    public void MarkPassed(DateTime utcNow)
    {
        if (!InProgress)
            throw new InvalidOperationException("This round is already passed.");
        PassedAtUtc = utcNow;
        UpdatedAtUtc = utcNow;
    }

    private void Restart(string contentVersion, DateTime utcNow)
    {
        ContentVersion = contentVersion;
        Lesson = 1;
        StartedAtUtc = utcNow;
        UpdatedAtUtc = utcNow;
    }
}
