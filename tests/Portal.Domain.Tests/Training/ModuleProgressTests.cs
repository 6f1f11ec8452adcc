using Portal.Domain.Training;

namespace Portal.Domain.Tests.Training;

public sealed class ModuleProgressTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FinishingALessonMovesTheBookmarkToTheNextOne()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);

        progress.FinishLesson(1, lessonCount: 4, Now);
        progress.FinishLesson(2, lessonCount: 4, Now);

        Assert.Equal(3, progress.Lesson);
    }

    [Fact]
    public void ReadingAnEarlierLessonAgainNeverMovesTheBookmarkBack()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        ReadUpTo(progress, 3);

        progress.FinishLesson(1, lessonCount: 4, Now);

        Assert.Equal(4, progress.Lesson);
    }

    [Fact]
    public void ARefresherIsANewRoundFromLessonOneOnTheCurrentText()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        ReadUpTo(progress, 4);
        progress.MarkPassed(Now);

        progress.StartRefresher("v2", Now.AddYears(1));

        Assert.Equal((2, 1, "v2", true), (progress.Round, progress.Lesson, progress.ContentVersion, progress.InProgress));
    }

    [Fact]
    public void ChangedTextStartsTheSameRoundAgain()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        ReadUpTo(progress, 2);

        progress.StartOverOnNewVersion("v2", Now);

        Assert.Equal((1, 1, "v2"), (progress.Round, progress.Lesson, progress.ContentVersion));
    }

    [Fact]
    public void APassedRoundCannotBePassedAgainOrMoved()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        progress.MarkPassed(Now);

        Assert.Throws<InvalidOperationException>(() => progress.MarkPassed(Now));
        Assert.Throws<InvalidOperationException>(() => progress.FinishLesson(1, 4, Now));
    }

    [Fact]
    public void ALessonNotReachedYetCannotBeFinished()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);

        Assert.False(progress.HasReached(4));
        Assert.Throws<InvalidOperationException>(() => progress.FinishLesson(4, lessonCount: 4, Now));
        Assert.Equal(1, progress.Lesson);
        Assert.False(progress.HasReadEveryLesson(4));
    }

    [Fact]
    public void EveryLessonIsReadOnlyAfterTheLastIsFinished()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);

        ReadUpTo(progress, 3);
        Assert.False(progress.HasReadEveryLesson(4));
        progress.FinishLesson(4, lessonCount: 4, Now);

        Assert.True(progress.HasReadEveryLesson(4));
    }

    private static void ReadUpTo(ModuleProgress progress, int last)
    {
        for (var lesson = 1; lesson <= last; lesson++)
            progress.FinishLesson(lesson, lessonCount: 4, Now);
    }
}
