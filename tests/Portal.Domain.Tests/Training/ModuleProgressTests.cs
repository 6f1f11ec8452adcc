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
        progress.FinishLesson(3, lessonCount: 4, Now);

        progress.FinishLesson(1, lessonCount: 4, Now);

        Assert.Equal(4, progress.Lesson);
    }

    [Fact]
    public void ARefresherIsANewRoundFromLessonOneOnTheCurrentText()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        progress.FinishLesson(4, lessonCount: 4, Now);
        progress.MarkPassed(Now);

        progress.StartRefresher("v2", Now.AddYears(1));

        Assert.Equal((2, 1, "v2", true), (progress.Round, progress.Lesson, progress.ContentVersion, progress.InProgress));
    }

    [Fact]
    public void ChangedTextStartsTheSameRoundAgain()
    {
        var progress = ModuleProgress.Start("u1", "duty-of-care", "v1", Now);
        progress.FinishLesson(2, lessonCount: 4, Now);

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
}
