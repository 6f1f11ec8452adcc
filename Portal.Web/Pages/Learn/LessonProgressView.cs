using System.Globalization;
using Portal.Infrastructure.Content;

namespace Portal.Web.Pages.Learn;

/// <summary>What the progress steps of a lesson or the quiz show (<c>_LessonProgress</c>).</summary>
/// <param name="Current">The step on screen: a lesson number from 1, or one past the last lesson for the quiz.</param>
/// <param name="Reached">The furthest step the learner has reached; 0 when none (or when nobody's place is shown).</param>
public sealed record LessonProgressView(LearningModule Module, int Current, int Reached)
{
    /// <summary>How long a drawing is kept after it was last shown (the key changes with anything it shows).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Everything the drawing depends on: the module and the version of its text (the titles), the
    /// step on screen, how far the learner has got, and the path base its links start with.
    /// </summary>
    public string Key(PathString pathBase) =>
        string.Create(CultureInfo.InvariantCulture, $"{Module.Slug}|{Module.Version}|{Current}|{Reached}|{pathBase.Value}");
}
